package io.authorworks.lib.storyai.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.PermanentAiException;
import io.authorworks.lib.storyai.TextGenerator;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.TransientAiException;
import org.jspecify.annotations.Nullable;

/**
 * Retries a generator's transient failures within the bounds of a {@link RetryPolicy}.
 * Permanent failures and cancellation pass through at once; a transient failure that
 * outlasts the policy becomes a {@link PermanentAiException} whose message says we gave
 * up, so a worker can dead-letter the job with a reason the author can read. When a
 * stream fails after it had already delivered text, the sink is told to
 * {@linkplain TokenSink#onRestart() discard it} before the next attempt.
 */
public final class RetryingGenerator implements TextGenerator {

	private final TextGenerator delegate;

	private final RetryPolicy policy;

	private final Sleeper sleeper;

	private final RandomGenerator random;

	private final @Nullable RetryListener listener;

	public RetryingGenerator(TextGenerator delegate, RetryPolicy policy, Sleeper sleeper, RandomGenerator random,
			@Nullable RetryListener listener) {
		this.delegate = Objects.requireNonNull(delegate);
		this.policy = Objects.requireNonNull(policy);
		this.sleeper = Objects.requireNonNull(sleeper);
		this.random = Objects.requireNonNull(random);
		this.listener = listener;
	}

	public RetryingGenerator(TextGenerator delegate, RetryPolicy policy) {
		this(delegate, policy, Sleeper.REAL, RandomGenerator.getDefault(), null);
	}

	@Override
	public String provider() {
		return this.delegate.provider();
	}

	@Override
	public GenerationResult generate(GenerationRequest request, TokenSink sink) {
		int attempt = 0;
		while (true) {
			attempt++;
			request.cancellation().throwIfCancelled();
			TrackingSink tracking = new TrackingSink(sink);
			try {
				return this.delegate.generate(request, tracking);
			}
			catch (TransientAiException ex) {
				if (attempt >= this.policy.maxAttempts()) {
					throw PermanentAiException.retriesExhausted(ex, attempt);
				}
				Duration delay = this.policy.delay(attempt, ex.retryAfter(), this.random);
				if (delay == null) {
					throw PermanentAiException.retriesExhausted(ex, attempt);
				}
				if (this.listener != null) {
					this.listener.retrying(attempt, delay, ex);
				}
				this.sleeper.sleep(delay, request.cancellation());
				if (tracking.delivered) {
					sink.onRestart();
				}
			}
		}
	}

	/** Hears about each retry, for logs and metrics. */
	@FunctionalInterface
	public interface RetryListener {

		void retrying(int failedAttempt, Duration delay, TransientAiException failure);

	}

	private static final class TrackingSink implements TokenSink {

		private final TokenSink target;

		private boolean delivered;

		TrackingSink(TokenSink target) {
			this.target = target;
		}

		@Override
		public void onText(String delta) {
			this.delivered = true;
			this.target.onText(delta);
		}

		@Override
		public void onRestart() {
			this.target.onRestart();
		}

	}

}
