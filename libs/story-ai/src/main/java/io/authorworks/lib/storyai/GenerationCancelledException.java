package io.authorworks.lib.storyai;

import io.authorworks.platform.core.ProblemType;

/**
 * The generation was cancelled through its {@link CancellationToken}; not a failure to
 * report or retry.
 */
public final class GenerationCancelledException extends AiException {

	public static final ProblemType PROBLEM = new ProblemType("generation-cancelled", "The generation was cancelled",
			409);

	public GenerationCancelledException() {
		this("");
	}

	public GenerationCancelledException(String provider) {
		super(PROBLEM, FailureKind.CANCELLED, provider, FailureKind.CANCELLED.description(), null);
	}

}
