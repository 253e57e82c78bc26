package io.authorworks.lib.storyai;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets one thread stop a generation that another thread runs: the provider registers a
 * callback that closes its HTTP stream, and back-off sleeps wake up at once.
 */
public final class CancellationToken {

	private final CountDownLatch cancelled = new CountDownLatch(1);

	private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

	/** A fresh token that nobody has cancelled yet. */
	public static CancellationToken create() {
		return new CancellationToken();
	}

	/**
	 * Cancels: runs every registered callback once (in registration order) and wakes
	 * waiting threads. Further calls do nothing.
	 */
	public void cancel() {
		synchronized (this.callbacks) {
			if (isCancelled()) {
				return;
			}
			this.cancelled.countDown();
		}
		for (Runnable callback : this.callbacks) {
			runQuietly(callback);
		}
		this.callbacks.clear();
	}

	public boolean isCancelled() {
		return this.cancelled.getCount() == 0;
	}

	/** Throws {@link GenerationCancelledException} if the token has been cancelled. */
	public void throwIfCancelled() {
		if (isCancelled()) {
			throw new GenerationCancelledException();
		}
	}

	/**
	 * Runs the callback when the token is cancelled, or at once if it already is.
	 * @return closing it unregisters the callback
	 */
	public Registration onCancel(Runnable callback) {
		synchronized (this.callbacks) {
			if (!isCancelled()) {
				this.callbacks.add(callback);
				return () -> this.callbacks.remove(callback);
			}
		}
		runQuietly(callback);
		return () -> {
		};
	}

	/**
	 * Waits up to the given time for cancellation.
	 * @return {@code true} if the token was cancelled (or the thread interrupted)
	 */
	public boolean awaitCancellation(Duration timeout) {
		try {
			return this.cancelled.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private static void runQuietly(Runnable callback) {
		try {
			callback.run();
		}
		catch (RuntimeException ex) {
			// A failing close must not stop the other callbacks from aborting the call.
		}
	}

	/** Undoes {@link #onCancel(Runnable)}. */
	@FunctionalInterface
	public interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
