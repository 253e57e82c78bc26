package io.authorworks.lib.storyai;

import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import org.jspecify.annotations.Nullable;

/**
 * A provider call failed. The message is written for the author: it never holds a stack
 * trace, an API key or a raw response body. Like every {@link ProblemException} it
 * carries no stack trace and the web layer answers it as an RFC 9457 problem.
 */
public abstract sealed class AiException extends ProblemException
		permits TransientAiException, PermanentAiException, GenerationCancelledException {

	private final FailureKind kind;

	private final String provider;

	protected AiException(ProblemType type, FailureKind kind, String provider, String message,
			@Nullable Throwable cause) {
		super(type, message, cause);
		this.kind = kind;
		this.provider = provider;
	}

	public FailureKind kind() {
		return this.kind;
	}

	/**
	 * The provider that failed, such as {@code anthropic}; empty when none was called.
	 */
	public String provider() {
		return this.provider;
	}

	/** The reason to show the author. */
	public String userMessage() {
		return detail();
	}

}
