package io.authorworks.content.text;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Counts the words a reader would count in a chapter's Markdown: markup, link targets and
 * image addresses are not words, letters and digits of every script are, apostrophes and
 * hyphens inside a word keep it whole ({@code don't}, {@code well-known}), and in Chinese
 * and Japanese, which do not separate words with spaces, every ideograph or kana counts
 * as one word, as word processors do.
 */
public final class WordCount {

	private static final Parser PARSER = Parser.builder().build();

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private WordCount() {
	}

	/** Words in Markdown, counted on the text it renders to. */
	public static int ofMarkdown(String markdown) {
		if (markdown.isBlank()) {
			return 0;
		}
		Node document = PARSER.parse(markdown);
		return ofText(TEXT.render(document));
	}

	/** Words in plain text. */
	public static int ofText(String text) {
		int words = 0;
		boolean inWord = false;
		int length = text.length();
		int i = 0;
		while (i < length) {
			int cp = text.codePointAt(i);
			int next = i + Character.charCount(cp);
			if (isCountedAlone(cp)) {
				words++;
				inWord = false;
			}
			else if (isWordCharacter(cp)) {
				if (!inWord) {
					words++;
					inWord = true;
				}
			}
			else if (inWord && isJoiner(cp) && next < length && isWordCharacter(text.codePointAt(next))
					&& !isCountedAlone(text.codePointAt(next))) {
				// An apostrophe or hyphen between letters keeps the word whole.
				inWord = true;
			}
			else {
				inWord = false;
			}
			i = next;
		}
		return words;
	}

	private static boolean isWordCharacter(int cp) {
		if (Character.isLetterOrDigit(cp)) {
			return true;
		}
		int type = Character.getType(cp);
		// Combining marks belong to the letter before them (Devanagari vowel signs,
		// accents).
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static boolean isCountedAlone(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA;
	}

	private static boolean isJoiner(int cp) {
		return cp == '\'' || cp == '\u2019' || cp == '-' || cp == '\u2010' || cp == '\u2011';
	}

}
