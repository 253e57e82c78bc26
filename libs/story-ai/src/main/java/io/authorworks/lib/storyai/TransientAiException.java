package io.authorworks.lib.storyai;

import java.time.Duration;

import io.authorworks.platform.core.ProblemType;
import org.jspecify.annotations.Nullable;

/**
 * A failure that may go away: rate limits, overload, 5xx, timeouts, dropped connections.
 * Retry it after {@link #retryAfter()} if the provider said how long to wait.
 */
public final class TransientAiException extends AiException {

	/** Answered {@code 503}: the caller may try again shortly. */
	public static final ProblemType PROBLEM = new ProblemType("ai-provider-unavailable",
			"The AI provider is unavailable, try again shortly", 503);

	private final @Nullable Duration retryAfter;

	private final int status;

	public TransientAiException(FailureKind kind, String provider, String message, int status,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(PROBLEM, kind, provider, message, cause);
		if (!kind.isTransient()) {
			throw new IllegalArgumentException(kind + " is not transient");
		}
		this.status = status;
		this.retryAfter = retryAfter;
	}

	/** How long the provider asked us to wait, if it said. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** The HTTP status, or 0 when the failure happened below HTTP. */
	public int status() {
		return this.status;
	}

}
