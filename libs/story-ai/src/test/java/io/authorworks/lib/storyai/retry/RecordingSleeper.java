package io.authorworks.lib.storyai.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.authorworks.lib.storyai.CancellationToken;

/**
 * A sleeper that only records how long it was asked to wait, so retry tests run
 * instantly.
 */
public final class RecordingSleeper implements Sleeper {

	public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	@Override
	public void sleep(Duration duration, CancellationToken token) {
		token.throwIfCancelled();
		this.sleeps.add(duration);
	}

}
