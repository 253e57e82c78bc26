package io.authorworks.lib.storyai.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.authorworks.lib.storyai.story.Texts;

/**
 * New sentences made only of the author's own words: an order-2 word chain over their
 * text, walked with a seeded random generator so the same text and seed always give the
 * same continuation.
 */
final class AuthorVoice {

	private static final String START = "\u0000";

	private final Map<String, List<String>> next = new HashMap<>();

	private final List<String> starts = new ArrayList<>();

	private final int words;

	AuthorVoice(String corpus) {
		List<String> tokens = new ArrayList<>();
		for (String sentence : Texts.sentences(corpus)) {
			List<String> sentenceWords = Texts.words(sentence);
			if (sentenceWords.size() < 3) {
				continue;
			}
			tokens.add(START);
			tokens.add(START);
			tokens.addAll(sentenceWords);
		}
		this.words = (int) tokens.stream().filter((t) -> !t.equals(START)).count();
		for (int i = 2; i < tokens.size(); i++) {
			if (tokens.get(i).equals(START)) {
				continue;
			}
			String key = tokens.get(i - 2) + " " + tokens.get(i - 1);
			this.next.computeIfAbsent(key, (k) -> new ArrayList<>()).add(tokens.get(i));
			if (tokens.get(i - 1).equals(START)) {
				this.starts.add(tokens.get(i));
			}
		}
	}

	/** Whether there is enough of the author's text to build on. */
	boolean usable() {
		return this.words >= 30 && !this.starts.isEmpty();
	}

	/** A new sentence in the author's words. */
	String sentence(SplittableRandom random) {
		return walk(START, START, random, 40);
	}

	/**
	 * Continues from the last two words of {@code text}, or starts a new sentence if the
	 * author never wrote those two words together.
	 */
	String continueFrom(String text, SplittableRandom random) {
		List<String> tail = Texts.words(text);
		if (tail.size() >= 2) {
			String a = tail.get(tail.size() - 2);
			String b = tail.getLast();
			if (!endsSentence(b) && this.next.containsKey(a + " " + b)) {
				return walk(a, b, random, 40);
			}
		}
		return sentence(random);
	}

	private String walk(String first, String second, SplittableRandom random, int max) {
		StringBuilder out = new StringBuilder();
		String a = first;
		String b = second;
		for (int i = 0; i < max; i++) {
			List<String> options = this.next.get(a + " " + b);
			if (options == null || options.isEmpty()) {
				break;
			}
			String word = options.get(random.nextInt(options.size()));
			out.append(out.isEmpty() ? "" : " ").append(word);
			if (endsSentence(word) && i >= 3) {
				break;
			}
			a = b;
			b = word;
		}
		String sentence = out.toString().strip();
		if (!sentence.isEmpty() && !endsSentence(sentence)) {
			sentence = sentence.replaceAll("[,;:—-]+$", "") + ".";
		}
		return sentence;
	}

	private static boolean endsSentence(String word) {
		return word.matches(".*[.!?…][\"'”’)]*$");
	}

}
