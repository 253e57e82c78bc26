package io.authorworks.lib.storyai;

/**
 * A language-model provider that streams generated text: Anthropic, any OpenAI-compatible
 * endpoint, or the offline generator.
 *
 * <p>
 * Implementations block the calling thread (use virtual threads) while they stream, hand
 * every text delta to the {@link TokenSink} on that same thread, and return the final
 * result once the model stops. Failures are always an {@link AiException}: transient ones
 * may be retried ({@link io.authorworks.lib.storyai.retry.RetryingGenerator}), permanent
 * ones carry a reason a person can read. Cancelling the request's
 * {@link CancellationToken} aborts the HTTP call promptly.
 */
public interface TextGenerator {

	/**
	 * The provider name used in configuration and provenance, such as {@code anthropic}.
	 */
	String provider();

	/**
	 * Streams one completion.
	 * @param request what to generate
	 * @param sink receives the text deltas in order
	 * @return the full text, why the model stopped, the token usage and the model
	 * @throws AiException when the call fails or is cancelled
	 */
	GenerationResult generate(GenerationRequest request, TokenSink sink);

}
