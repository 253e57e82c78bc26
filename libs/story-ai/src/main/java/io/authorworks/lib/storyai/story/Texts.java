package io.authorworks.lib.storyai.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Small text helpers shared by the story records, the context assembler and the offline
 * generator.
 */
public final class Texts {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…][\"'”’)]?)\\s+(?=[\"'“‘(]?[\\p{Lu}0-9])");

	private static final Pattern WORDS = Pattern.compile("\\s+");

	private Texts() {
	}

	static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " must not be blank");
		}
		return value.strip();
	}

	/** The value stripped, or empty for {@code null}. */
	public static String orEmpty(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

	/** An unmodifiable copy without blanks or {@code null}s, each stripped. */
	public static List<String> cleanList(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		List<String> clean = new ArrayList<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				clean.add(value.strip());
			}
		}
		return List.copyOf(clean);
	}

	/** Whether {@code text} contains {@code word} as a whole word, ignoring case. */
	public static boolean containsWord(String text, String word) {
		if (word.isBlank()) {
			return false;
		}
		return Pattern
			.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])")
			.matcher(text.toLowerCase(Locale.ROOT))
			.find();
	}

	/**
	 * Whether {@code text} mentions {@code name} as a whole word with the same case, the
	 * way proper nouns are written ("Will" the character, not "will" the verb).
	 */
	public static boolean mentions(String text, String name) {
		if (name.isBlank()) {
			return false;
		}
		return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])").matcher(text).find();
	}

	/** Splits prose into sentences, keeping their punctuation. */
	public static List<String> sentences(String text) {
		List<String> sentences = new ArrayList<>();
		for (String paragraph : text.split("\\n\\s*\\n")) {
			for (String sentence : SENTENCE_END.split(paragraph.strip())) {
				String clean = sentence.replaceAll("\\s+", " ").strip();
				if (!clean.isEmpty()) {
					sentences.add(clean);
				}
			}
		}
		return sentences;
	}

	/** The first sentence of the text, or the whole text if it has only one. */
	public static String firstSentence(String text) {
		List<String> sentences = sentences(text);
		return sentences.isEmpty() ? "" : sentences.getFirst();
	}

	/** Splits on whitespace. */
	public static List<String> words(String text) {
		String stripped = text.strip();
		return stripped.isEmpty() ? List.of() : List.of(WORDS.split(stripped));
	}

	public static int wordCount(String text) {
		return words(text).size();
	}

}
