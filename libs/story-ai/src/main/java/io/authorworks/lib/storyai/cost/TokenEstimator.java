package io.authorworks.lib.storyai.cost;

import java.util.Locale;

/**
 * Estimates how many tokens a model will count for a text, before the provider says.
 */
@FunctionalInterface
public interface TokenEstimator {

	int estimate(String text);

	/**
	 * The estimator for a provider's model family. Claude's tokenizer splits English into
	 * roughly 10 % more tokens than OpenAI's {@code cl100k}/{@code o200k} encodings, and
	 * local open models (Llama, Mistral, Qwen) about 5 % more; both are covered by a
	 * factor on the same heuristic.
	 */
	static TokenEstimator forModel(String provider, String model) {
		String name = (provider + ":" + model).toLowerCase(Locale.ROOT);
		if (name.startsWith("anthropic:") || name.contains("claude")) {
			return new HeuristicTokenEstimator(1.10);
		}
		if (name.startsWith("openai:gpt") || name.startsWith("openai:o") || name.startsWith("openai:chatgpt")) {
			return new HeuristicTokenEstimator(1.0);
		}
		return new HeuristicTokenEstimator(1.05);
	}

}
