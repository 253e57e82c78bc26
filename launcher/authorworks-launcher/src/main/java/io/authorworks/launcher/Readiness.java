package io.authorworks.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for what starts in the background, and turning what went wrong there into the
 * launcher's own failure.
 */
final class Readiness {

	private Readiness() {
	}

	/**
	 * Waits for an engine until the deadline; one that has not started by then fails the
	 * start with a message that says which and where its log is.
	 */
	static <T> T awaitEngine(Future<T> future, String engine, Instant deadline, Duration readinessTimeout,
			Path logDirectory) {
		try {
			return future.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new LauncherException(engine + " did not start within " + seconds(readinessTimeout)
					+ " s (AUTHORWORKS_READY_TIMEOUT). Its log is in " + logDirectory + ".", ex);
		}
		catch (ExecutionException ex) {
			throw startFailure(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("interrupted while starting", ex);
		}
	}

	/** Waits as long as it takes. */
	static <T> T await(Future<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw startFailure(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("interrupted while starting", ex);
		}
	}

	private static RuntimeException startFailure(ExecutionException ex) {
		if (ex.getCause() instanceof RuntimeException runtime) {
			return runtime;
		}
		return new LauncherException(String.valueOf(ex.getCause()), ex.getCause());
	}

	/** A duration as seconds with one decimal, as the launcher logs them. */
	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
	}

}
