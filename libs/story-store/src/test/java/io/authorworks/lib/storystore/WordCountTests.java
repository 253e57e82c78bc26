package io.authorworks.lib.storystore;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Word counts as a reader would count, in several scripts, checked on examples and on
 * seeded random texts.
 */
class WordCountTests {

	private static final String[] SEPARATORS = { " ", "  ", "\n", "\n\n", ", ", ". ", "! ", "? ", " — ", "; ", "\t",
			" (", ") ", " \"", "\" " };

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                                   | 0
			'   \n\t '                           | 0
			'Hello, world!'                      | 2
			'Don''t stop — it''s well-known.'    | 4
			'It costs 1,000 dollars, or 3.5k.'   | 6
			'café naïve façade'                  | 3
			'Привет, мир'                        | 2
			'Καλημέρα κόσμε'                     | 2
			'नमस्ते दुनिया'                         | 2
			'안녕하세요 세계'                      | 2
			'中文字'                              | 3
			'日本語のテキスト'                     | 8
			'Chapter 3: The Storm'               | 4
			'— ... !!!'                          | 0
			""")
	void countsWordsInPlainText(String text, int words) {
		assertThat(WordCount.ofText(text)).isEqualTo(words);
	}

	@Test
	void markupAndLinkTargetsAreNotWords() {
		String markdown = """
				# The *Loom*

				She read [the letter](https://example.com/letters/1842?from=ada) **twice**.

				> A quote, quoted.

				- one
				- two

				![a map](maps/london.png)

				---
				""";
		// The, Loom, She, read, the, letter, twice, A, quote, quoted, one, two, a, map
		assertThat(WordCount.ofMarkdown(markdown)).isEqualTo(14);
		assertThat(WordCount.ofMarkdown("un*believ*able, **really**")).isEqualTo(2);
	}

	@Test
	void randomTextsCountOneWordPerGeneratedWordWhateverTheSeparators() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(20261126L);
		for (int round = 0; round < 500; round++) {
			int count = random.nextInt(0, 60);
			StringBuilder text = new StringBuilder();
			if (random.nextBoolean()) {
				text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
			}
			for (int i = 0; i < count; i++) {
				if (i > 0) {
					text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
				}
				text.append(word(random));
			}
			assertThat(WordCount.ofText(text.toString())).as(text.toString()).isEqualTo(count);
		}
	}

	@Test
	void countsAddUpAcrossConcatenationAndSurviveEmphasis() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42L);
		for (int round = 0; round < 300; round++) {
			List<String> words = new ArrayList<>();
			for (int i = 0; i < random.nextInt(1, 20); i++) {
				words.add(word(random));
			}
			String a = String.join(" ", words.subList(0, words.size() / 2));
			String b = String.join(" ", words.subList(words.size() / 2, words.size()));
			assertThat(WordCount.ofText(a + "\n" + b)).isEqualTo(WordCount.ofText(a) + WordCount.ofText(b));
			String emphasised = String.join(" ",
					words.stream().map((w) -> random.nextBoolean() ? "*" + w + "*" : w).toList());
			assertThat(WordCount.ofMarkdown(emphasised)).isEqualTo(words.size());
		}
	}

	@Test
	void theShortcutBelowTheFirstCjkCharacterAgreesWithTheUnicodeScriptTable() {
		for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
			Character.UnicodeScript script = Character.UnicodeScript.of(cp);
			boolean cjk = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
					|| script == Character.UnicodeScript.KATAKANA;
			if (cjk) {
				assertThat(cp).as("U+%04X", cp).isGreaterThanOrEqualTo(WordCount.FIRST_CJK);
			}
			assertThat(WordCount.isCountedAlone(cp)).as("U+%04X", cp).isEqualTo(cjk);
		}
	}

	private static String word(RandomGenerator random) {
		String[] alphabets = { "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "éèàçñöüß",
				"абвгдежзийклмнопрст", "αβγδεζηθικλμ", "0123456789" };
		String alphabet = alphabets[random.nextInt(alphabets.length)];
		StringBuilder word = new StringBuilder();
		int length = random.nextInt(1, 10);
		for (int i = 0; i < length; i++) {
			word.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		if (length > 2 && random.nextInt(5) == 0 && Character.isLetter(word.charAt(0))) {
			// Inner apostrophes and hyphens keep a word whole.
			word.insert(1, random.nextBoolean() ? "'" : "-");
		}
		return word.toString();
	}

}
