package io.authorworks.lib.storyai.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * How often and how patiently to retry transient failures.
 *
 * <p>
 * Attempt {@code n} (1-based) that fails waits, before attempt {@code n + 1}, either what
 * the provider asked for in {@code Retry-After} (never more than {@code maxRetryAfter}),
 * or a "full jitter" back-off: a uniformly random time between zero and
 * {@code min(maxBackoff, initialBackoff × 2^(n-1))}. Full jitter spreads the retries of
 * many workers hit by the same outage instead of having them return in lockstep.
 *
 * @param maxAttempts calls in total, including the first
 * @param initialBackoff the back-off ceiling after the first failure
 * @param maxBackoff the largest back-off ceiling
 * @param maxRetryAfter the longest {@code Retry-After} we honour in-process; a longer one
 * gives up at once so a worker can requeue the job instead of blocking
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/**
	 * Four attempts, backing off from up to 1 s to up to 30 s; Retry-After up to 60 s.
	 */
	public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30),
			Duration.ofSeconds(60));

	/** A single attempt. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("Durations must not be negative");
		}
	}

	/** The ceiling of the random back-off after {@code failedAttempt} failures. */
	public Duration backoffCeiling(int failedAttempt) {
		int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
		long millis = this.initialBackoff.toMillis();
		long ceiling = (millis > (Long.MAX_VALUE >> doublings)) ? Long.MAX_VALUE : millis << doublings;
		return Duration.ofMillis(Math.min(ceiling, this.maxBackoff.toMillis()));
	}

	/**
	 * The wait after {@code failedAttempt} failures.
	 * @param retryAfter what the provider asked for, if anything
	 * @return the wait, or {@code null} when the provider asked for longer than we wait
	 */
	public @Nullable Duration delay(int failedAttempt, @Nullable Duration retryAfter, RandomGenerator random) {
		if (retryAfter != null) {
			return (retryAfter.compareTo(this.maxRetryAfter) <= 0) ? retryAfter : null;
		}
		long ceiling = backoffCeiling(failedAttempt).toMillis();
		return Duration.ofMillis((ceiling == 0) ? 0 : random.nextLong(ceiling + 1));
	}

}
