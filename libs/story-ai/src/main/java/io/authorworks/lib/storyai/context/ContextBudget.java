package io.authorworks.lib.storyai.context;

/**
 * How much prompt a chapter may use.
 *
 * @param maxInputTokens the most tokens system prompt and user prompt may add up to
 * (estimated)
 * @param previousTailTokens how much of the previous chapter's end to quote at most
 * @param recentSummariesInFull how many of the latest chapter summaries stay whole the
 * longest
 */
public record ContextBudget(int maxInputTokens, int previousTailTokens, int recentSummariesInFull) {

	public static final ContextBudget DEFAULT = new ContextBudget(24_000, 1_200, 3);

	public ContextBudget {
		if (maxInputTokens < 1 || previousTailTokens < 0 || recentSummariesInFull < 0) {
			throw new IllegalArgumentException("Budgets must be positive");
		}
	}

	public ContextBudget withMaxInputTokens(int tokens) {
		return new ContextBudget(tokens, this.previousTailTokens, this.recentSummariesInFull);
	}

}
