package io.authorworks.lib.storyai.retry;

import java.time.Duration;

import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.GenerationCancelledException;

/**
 * Waits between attempts; tests substitute one that only records the waits.
 */
@FunctionalInterface
public interface Sleeper {

	/** Sleeps on the cancellation token, so cancelling ends the wait at once. */
	Sleeper REAL = (duration, token) -> {
		if (token.awaitCancellation(duration)) {
			throw new GenerationCancelledException();
		}
	};

	/**
	 * Waits for the duration.
	 * @throws GenerationCancelledException if the token is cancelled meanwhile
	 */
	void sleep(Duration duration, CancellationToken token);

}
