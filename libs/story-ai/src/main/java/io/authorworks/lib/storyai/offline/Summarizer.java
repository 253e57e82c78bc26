package io.authorworks.lib.storyai.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.authorworks.lib.storyai.story.Texts;

/**
 * An extractive summary: the chapter's own sentences that carry the most of its
 * vocabulary and names, kept in their original order.
 */
final class Summarizer {

	static final Set<String> STOPWORDS = Set.of("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at",
			"for", "with", "as", "by", "from", "is", "was", "were", "are", "be", "been", "it", "its", "he", "she",
			"they", "them", "his", "her", "their", "i", "you", "we", "me", "my", "our", "your", "that", "this", "these",
			"those", "had", "has", "have", "not", "no", "so", "if", "then", "than", "there", "what", "which", "who",
			"when", "would", "could", "should", "into", "out", "up", "down", "over", "said", "did", "do", "just", "all",
			"one");

	private Summarizer() {
	}

	static String summarize(String text, int maxSentences) {
		List<String> sentences = Texts.sentences(text);
		if (sentences.size() <= maxSentences) {
			return String.join(" ", sentences);
		}
		Map<String, Integer> frequency = new HashMap<>();
		for (String sentence : sentences) {
			for (String word : content(sentence)) {
				frequency.merge(word, 1, Integer::sum);
			}
		}
		List<Integer> order = new ArrayList<>();
		List<Double> scores = new ArrayList<>();
		for (int i = 0; i < sentences.size(); i++) {
			List<String> words = content(sentences.get(i));
			double score = 0;
			for (String word : words) {
				score += frequency.getOrDefault(word, 0);
			}
			score /= Math.sqrt(Math.max(1, words.size()));
			long names = Texts.words(sentences.get(i))
				.stream()
				.skip(1)
				.filter((w) -> !w.isEmpty() && Character.isUpperCase(w.charAt(0)))
				.count();
			score += names * 0.5;
			if (sentences.get(i).startsWith("\"") || sentences.get(i).startsWith("“")) {
				score *= 0.6; // dialogue rarely summarises
			}
			if (i == 0 || i == sentences.size() - 1) {
				score *= 1.3;
			}
			order.add(i);
			scores.add(score);
		}
		List<Integer> chosen = order.stream()
			.sorted(Comparator.comparingDouble((Integer i) -> -scores.get(i)).thenComparingInt((i) -> i))
			.limit(maxSentences)
			.sorted()
			.toList();
		StringBuilder summary = new StringBuilder();
		for (int i : chosen) {
			summary.append(summary.isEmpty() ? "" : " ").append(sentences.get(i));
		}
		return summary.toString();
	}

	static List<String> content(String sentence) {
		List<String> words = new ArrayList<>();
		for (String raw : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
			if (raw.length() > 2 && !STOPWORDS.contains(raw)) {
				words.add(raw);
			}
		}
		return words;
	}

}
