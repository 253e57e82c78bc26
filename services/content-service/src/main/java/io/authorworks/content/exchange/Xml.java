package io.authorworks.content.exchange;

/**
 * Escapes text for XML content and attribute values.
 */
final class Xml {

	private Xml() {
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		text.codePoints().forEach((cp) -> {
			switch (cp) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> {
					// Characters XML 1.0 cannot carry at all are dropped.
					if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
							|| (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000) {
						escaped.appendCodePoint(cp);
					}
				}
			}
		});
		return escaped.toString();
	}

}
