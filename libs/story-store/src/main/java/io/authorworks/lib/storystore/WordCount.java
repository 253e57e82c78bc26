package io.authorworks.lib.storystore;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Counts the words a reader would count in a chapter's Markdown: markup, link targets and
 * image addresses are not words, letters and digits of every script are, apostrophes and
 * hyphens inside a word keep it whole ({@code don't}, {@code well-known}) and so do
 * separators inside numbers ({@code 1,000}), and in Chinese and Japanese, which do not
 * separate words with spaces, every ideograph or kana counts as one word, as word
 * processors do. It is the only counter of stored word counts ({@link ChapterTables} uses
 * it for every chapter and revision), so a generated chapter shows the count the editor
 * will show once the author saves it.
 */
public final class WordCount {

	private static final Parser PARSER = Parser.builder().build();

	private WordCount() {
	}

	/** Words in Markdown, counted on the text it renders to. */
	public static int ofMarkdown(String markdown) {
		if (markdown.isBlank()) {
			return 0;
		}
		Node document = PARSER.parse(markdown);
		StringBuilder text = new StringBuilder();
		document.accept(new ReadableText(text));
		return ofText(text.toString());
	}

	/** Words in plain text. */
	public static int ofText(String text) {
		int words = 0;
		boolean inWord = false;
		int length = text.length();
		int i = 0;
		int previous = 0;
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
			else if (inWord && next < length && joins(previous, cp, text.codePointAt(next))) {
				// An apostrophe or hyphen inside a word, or a digit separator inside a
				// number, keeps it whole.
				inWord = true;
			}
			else {
				inWord = false;
			}
			previous = cp;
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

	/**
	 * The first code point of any Han, Hiragana or Katakana character (U+2E80, CJK
	 * Radicals Supplement); {@code WordCountTests} checks this against the JDK's Unicode
	 * tables.
	 */
	static final int FIRST_CJK = 0x2E80;

	static boolean isCountedAlone(int cp) {
		// Nearly every character of a Latin, Cyrillic or Greek text is below U+2E80, and
		// the script look-up is a binary search over the whole Unicode script table.
		if (cp < FIRST_CJK) {
			return false;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA;
	}

	private static boolean joins(int before, int cp, int after) {
		if (cp == '.' || cp == ',') {
			return Character.isDigit(before) && Character.isDigit(after);
		}
		boolean joiner = cp == '\'' || cp == '\u2019' || cp == '-' || cp == '\u2010' || cp == '\u2011';
		return joiner && isWordCharacter(after) && !isCountedAlone(after);
	}

	/**
	 * Collects the words a reader sees: text, inline code and image descriptions, but not
	 * link or image addresses, with a space wherever blocks or lines meet.
	 */
	private static final class ReadableText extends AbstractVisitor {

		private final StringBuilder text;

		ReadableText(StringBuilder text) {
			this.text = text;
		}

		@Override
		public void visit(Text node) {
			this.text.append(node.getLiteral());
		}

		@Override
		public void visit(Code node) {
			this.text.append(node.getLiteral());
		}

		@Override
		public void visit(SoftLineBreak node) {
			this.text.append(' ');
		}

		@Override
		public void visit(HardLineBreak node) {
			this.text.append(' ');
		}

		@Override
		protected void visitChildren(Node parent) {
			super.visitChildren(parent);
			if (parent instanceof Block) {
				this.text.append(' ');
			}
		}

	}

}
