package io.authorworks.testing.llm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a fake server answers to one request: streamed text, or an error in the provider's
 * own wire format. Immutable; the {@code with…} methods return changed copies.
 *
 * @param status the HTTP status; 200 for text
 * @param text the text to generate (streamed in chunks when the request asks for a
 * stream)
 * @param wordsPerChunk how many words each delta carries
 * @param chunkDelay the pause between deltas, so tests can cancel mid-stream
 * @param headerDelay the pause before the response starts
 * @param errorType the provider's error type, such as {@code overloaded_error}
 * @param errorCode the error code (OpenAI {@code code}), if any
 * @param errorMessage the error message
 * @param headers extra response headers, such as {@code retry-after}
 * @param stopReason the stop reason in the provider's vocabulary; empty for the natural
 * end
 * @param errorAfterChunks when positive, the stream breaks with an error event after that
 * many deltas
 */
public record Reply(int status, String text, int wordsPerChunk, Duration chunkDelay, Duration headerDelay,
		String errorType, @Nullable String errorCode, String errorMessage, Map<String, String> headers,
		String stopReason, int errorAfterChunks) {

	public Reply {
		Objects.requireNonNull(text);
		if (wordsPerChunk < 1) {
			throw new IllegalArgumentException("wordsPerChunk must be positive");
		}
		headers = Map.copyOf(headers);
	}

	/** A successful answer with this text, one word per delta. */
	public static Reply text(String text) {
		return new Reply(200, text, 1, Duration.ZERO, Duration.ZERO, "", null, "", Map.of(), "", 0);
	}

	/** An error response in the provider's format. */
	public static Reply error(int status, String type, String message) {
		return new Reply(status, "", 1, Duration.ZERO, Duration.ZERO, type, null, message, Map.of(), "", 0);
	}

	/**
	 * A 429 asking the client to wait {@code retryAfterSeconds} ({@code retry-after}).
	 */
	public static Reply rateLimited(long retryAfterSeconds) {
		return error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")
			.withHeader("retry-after", Long.toString(retryAfterSeconds));
	}

	/** Anthropic's 529 {@code overloaded_error}. */
	public static Reply overloaded() {
		return error(529, "overloaded_error", "Overloaded");
	}

	/** A 500 {@code api_error}. */
	public static Reply serverError() {
		return error(500, "api_error", "Internal server error");
	}

	public boolean isError() {
		return this.status >= 300;
	}

	public Reply withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new Reply(this.status, this.text, this.wordsPerChunk, this.chunkDelay, this.headerDelay, this.errorType,
				this.errorCode, this.errorMessage, more, this.stopReason, this.errorAfterChunks);
	}

	public Reply withChunkDelay(Duration delay) {
		return new Reply(this.status, this.text, this.wordsPerChunk, delay, this.headerDelay, this.errorType,
				this.errorCode, this.errorMessage, this.headers, this.stopReason, this.errorAfterChunks);
	}

	public Reply withHeaderDelay(Duration delay) {
		return new Reply(this.status, this.text, this.wordsPerChunk, this.chunkDelay, delay, this.errorType,
				this.errorCode, this.errorMessage, this.headers, this.stopReason, this.errorAfterChunks);
	}

	public Reply withWordsPerChunk(int words) {
		return new Reply(this.status, this.text, words, this.chunkDelay, this.headerDelay, this.errorType,
				this.errorCode, this.errorMessage, this.headers, this.stopReason, this.errorAfterChunks);
	}

	public Reply withErrorCode(String code) {
		return new Reply(this.status, this.text, this.wordsPerChunk, this.chunkDelay, this.headerDelay, this.errorType,
				code, this.errorMessage, this.headers, this.stopReason, this.errorAfterChunks);
	}

	public Reply withStopReason(String reason) {
		return new Reply(this.status, this.text, this.wordsPerChunk, this.chunkDelay, this.headerDelay, this.errorType,
				this.errorCode, this.errorMessage, this.headers, reason, this.errorAfterChunks);
	}

	/** Breaks the stream with an error event of this type after {@code chunks} deltas. */
	public Reply withErrorAfter(int chunks, String type, String message) {
		return new Reply(this.status, this.text, this.wordsPerChunk, this.chunkDelay, this.headerDelay, type,
				this.errorCode, message, this.headers, this.stopReason, chunks);
	}

}
