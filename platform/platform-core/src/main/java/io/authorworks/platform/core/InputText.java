package io.authorworks.platform.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for text a caller sends, on every path that accepts text: it must decode
 * without loss and be Unicode that the database stores as sent. PostgreSQL rejects NUL in
 * text, a lone UTF-16 surrogate would be written as {@code ?}, and an undecodable byte
 * would be replaced by U+FFFD, so each is refused rather than changed.
 */
public final class InputText {

	private InputText() {
	}

	/**
	 * Decodes bytes strictly: a malformed or unmappable sequence fails instead of
	 * becoming U+FFFD.
	 * @throws CharacterCodingException when the bytes are not text in that charset
	 */
	public static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	/**
	 * Why the text cannot be accepted, or {@code null} when it can. Tab, line feed and
	 * carriage return are the only C0 control characters allowed; fields that must be a
	 * single line check that themselves.
	 */
	public static @Nullable String defect(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return "Remove the NUL character; text cannot contain it.";
			}
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return "Remove the control character U+" + hex(c) + ".";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "Send valid Unicode: U+" + hex(c) + " is half of a surrogate pair.";
			}
			if (Character.isLowSurrogate(c)) {
				return "Send valid Unicode: U+" + hex(c) + " is half of a surrogate pair.";
			}
		}
		return null;
	}

	private static String hex(char c) {
		return String.format(Locale.ROOT, "%04X", (int) c);
	}

}
