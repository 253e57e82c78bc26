package io.authorworks.lib.storyai;

/**
 * Tokens a call consumed, as the provider reported them.
 *
 * @param inputTokens prompt tokens, including cached ones
 * @param outputTokens generated tokens
 * @param estimated {@code true} when the provider reported nothing and the numbers are
 * our own estimate
 */
public record Usage(long inputTokens, long outputTokens, boolean estimated) {

	public static final Usage ZERO = new Usage(0, 0, false);

	public Usage {
		if (inputTokens < 0 || outputTokens < 0) {
			throw new IllegalArgumentException("Token counts cannot be negative");
		}
	}

	public static Usage reported(long inputTokens, long outputTokens) {
		return new Usage(inputTokens, outputTokens, false);
	}

	public long totalTokens() {
		return this.inputTokens + this.outputTokens;
	}

	public Usage plus(Usage other) {
		return new Usage(this.inputTokens + other.inputTokens, this.outputTokens + other.outputTokens,
				this.estimated || other.estimated);
	}

}
