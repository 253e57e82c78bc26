package io.authorworks.lib.storyai;

import io.authorworks.platform.core.ProblemType;
import org.jspecify.annotations.Nullable;

/**
 * A failure that sending the same request again will not fix: a rejected or too long
 * request, bad credentials, a missing model, exhausted quota, or a transient failure that
 * outlasted every attempt the retry policy allows. A worker sends the job's message to
 * the dead-letter queue and fails the job with {@link #userMessage()}.
 */
public final class PermanentAiException extends AiException {

	/** The request itself cannot be served, so the author has to change it. */
	public static final ProblemType REJECTED = new ProblemType("ai-request-rejected",
			"The AI provider cannot serve this request", 422);

	/** Our side is misconfigured (key, model name, quota): nothing the author can fix. */
	public static final ProblemType MISCONFIGURED = new ProblemType("ai-provider-misconfigured",
			"The AI provider is not set up correctly", 502);

	private final int attempts;

	public PermanentAiException(FailureKind kind, String provider, String message, @Nullable Throwable cause) {
		this(kind, provider, message, 1, cause);
	}

	public PermanentAiException(FailureKind kind, String provider, String message, int attempts,
			@Nullable Throwable cause) {
		super(problemFor(kind), kind, provider, message, cause);
		this.attempts = attempts;
	}

	/** Turns a transient failure that kept happening into a final one. */
	public static PermanentAiException retriesExhausted(TransientAiException last, int attempts) {
		String message = last.kind().description() + " We tried " + attempts
				+ " times and gave up; please try again later.";
		return new PermanentAiException(last.kind(), last.provider(), message, attempts, last);
	}

	/** How many calls were made before giving up. */
	public int attempts() {
		return this.attempts;
	}

	/** Whether this is a transient failure that outlasted the retry policy. */
	public boolean retriesExhausted() {
		return kind().isTransient();
	}

	private static ProblemType problemFor(FailureKind kind) {
		return switch (kind) {
			case INVALID_REQUEST, CONTEXT_TOO_LONG -> REJECTED;
			case AUTHENTICATION, PERMISSION, MODEL_NOT_FOUND, QUOTA_EXCEEDED -> MISCONFIGURED;
			default -> TransientAiException.PROBLEM;
		};
	}

}
