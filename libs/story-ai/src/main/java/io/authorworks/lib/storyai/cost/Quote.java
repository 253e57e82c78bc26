package io.authorworks.lib.storyai.cost;

/**
 * What a generation is expected to consume and cost, computed before it runs.
 *
 * @param provider the provider that will run it
 * @param model the model that will run it
 * @param inputTokens estimated prompt tokens
 * @param outputTokens estimated generated tokens (never more than the output limit)
 * @param cost the estimated cost
 * @param priced {@code false} when no price is configured for the model and the cost
 * shows as zero
 */
public record Quote(String provider, String model, long inputTokens, long outputTokens, Money cost, boolean priced) {

	/** Adds another step's quote, for the quote of a whole job. */
	public Quote plus(Quote other) {
		String provider = this.provider.equals(other.provider) ? this.provider : "mixed";
		String model = this.model.equals(other.model) ? this.model : "mixed";
		return new Quote(provider, model, this.inputTokens + other.inputTokens, this.outputTokens + other.outputTokens,
				this.cost.plus(other.cost), this.priced && other.priced);
	}

}
