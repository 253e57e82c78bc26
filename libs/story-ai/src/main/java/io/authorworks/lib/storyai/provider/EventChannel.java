package io.authorworks.lib.storyai.provider;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.authorworks.lib.storyai.FailureKind;
import io.authorworks.lib.storyai.GenerationCancelledException;
import io.authorworks.lib.storyai.TransientAiException;
import org.jspecify.annotations.Nullable;

/**
 * Hands stream events from the HTTP client's threads to the generating thread, so sinks
 * run on the caller's thread, cancellation wakes the caller at once and a stalled stream
 * times out.
 */
final class EventChannel<T> {

	private static final Object END = new Object();

	private static final Object CANCELLED = new Object();

	private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

	private final String provider;

	EventChannel(String provider) {
		this.provider = provider;
	}

	void offer(T event) {
		this.queue.add(new Item<>(event));
	}

	void complete() {
		this.queue.add(END);
	}

	void fail(Throwable error) {
		this.queue.add(new Failure(error));
	}

	void cancel() {
		this.queue.add(CANCELLED);
	}

	/**
	 * The next event, or {@code null} at the end of the stream.
	 * @throws Failure.Rethrown wrapping what the client failed with
	 */
	@SuppressWarnings("unchecked")
	@Nullable T next(Duration idleTimeout) {
		Object signal;
		try {
			signal = this.queue.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GenerationCancelledException(this.provider);
		}
		if (signal == null) {
			throw new TransientAiException(FailureKind.TIMEOUT, this.provider,
					FailureKind.TIMEOUT.description() + " The stream stalled for " + idleTimeout.toSeconds() + " s.", 0,
					null, null);
		}
		if (signal == END) {
			return null;
		}
		if (signal == CANCELLED) {
			throw new GenerationCancelledException(this.provider);
		}
		if (signal instanceof Failure failure) {
			throw new Failure.Rethrown(failure.error());
		}
		return ((Item<T>) signal).value();
	}

	private record Item<T>(T value) {
	}

	record Failure(Throwable error) {

		/** Carries a client failure to the generating thread for classification. */
		static final class Rethrown extends RuntimeException {

			Rethrown(Throwable cause) {
				super(cause.getMessage(), cause, false, false);
			}

		}

	}

}
