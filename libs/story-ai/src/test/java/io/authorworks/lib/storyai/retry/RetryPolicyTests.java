package io.authorworks.lib.storyai.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.FailureKind;
import io.authorworks.lib.storyai.GenerationCancelledException;
import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.StopReason;
import io.authorworks.lib.storyai.TextGenerator;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.TransientAiException;
import io.authorworks.lib.storyai.Usage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RetryPolicyTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

	private final RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(10),
			Duration.ofSeconds(60));

	@Test
	void backoffCeilingDoublesUpToTheMaximum() {
		assertThat(this.policy.backoffCeiling(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.policy.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.policy.backoffCeiling(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.policy.backoffCeiling(4)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.policy.backoffCeiling(5)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.policy.backoffCeiling(500)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void fullJitterStaysWithinTheCeilingAndSpreadsOut() {
		SplittableRandom random = new SplittableRandom(42);
		long below = 0;
		for (int i = 0; i < 10_000; i++) {
			int attempt = 1 + (i % 5);
			Duration delay = this.policy.delay(attempt, null, random);
			assertThat(delay).isNotNull();
			assertThat(delay).isBetween(Duration.ZERO, this.policy.backoffCeiling(attempt));
			if (attempt == 5 && delay.compareTo(Duration.ofSeconds(5)) < 0) {
				below++;
			}
		}
		// Uniform over [0, 10 s]: about half of the 2,000 fifth-attempt delays are below
		// 5 s.
		assertThat(below).isBetween(850L, 1150L);
	}

	@Test
	void retryAfterWinsOverBackoffUpToItsLimit() {
		SplittableRandom random = new SplittableRandom(1);
		assertThat(this.policy.delay(1, Duration.ofSeconds(30), random)).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.policy.delay(1, Duration.ofSeconds(61), random)).isNull();
	}

	@Test
	void readsRetryAfterInEveryForm() {
		assertThat(RetryAfter.parse("7", CLOCK)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse("0.5", CLOCK)).isEqualTo(Duration.ofMillis(500));
		assertThat(RetryAfter.parse("Fri, 27 Nov 2026 10:01:00 GMT", CLOCK)).isEqualTo(Duration.ofMinutes(1));
		assertThat(RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
		assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
		assertThat(RetryAfter.parse("-3", CLOCK)).isNull();
		Map<String, String> headers = Map.of("retry-after", "9", "retry-after-ms", "250");
		assertThat(RetryAfter.from(headers::get, CLOCK)).isEqualTo(Duration.ofMillis(250));
		assertThat(RetryAfter.from(Map.of("retry-after", "9")::get, CLOCK)).isEqualTo(Duration.ofSeconds(9));
		assertThat(RetryAfter.from(Map.<String, String>of()::get, CLOCK)).isNull();
	}

	@Test
	void cancellingDuringBackoffStopsRetrying() {
		AtomicInteger calls = new AtomicInteger();
		TextGenerator failing = new TextGenerator() {

			@Override
			public String provider() {
				return "test";
			}

			@Override
			public GenerationResult generate(GenerationRequest request, TokenSink sink) {
				calls.incrementAndGet();
				throw new TransientAiException(FailureKind.OVERLOADED, "test", "busy", 529, null, null);
			}

		};
		CancellationToken token = CancellationToken.create();
		Sleeper cancelWhileSleeping = (duration, t) -> {
			token.cancel();
			Sleeper.REAL.sleep(Duration.ofSeconds(30), t);
		};
		RetryingGenerator retrying = new RetryingGenerator(failing, this.policy, cancelWhileSleeping,
				new SplittableRandom(3), null);
		GenerationRequest request = GenerationRequest.builder("m").user("hi").cancellation(token).build();

		long start = System.nanoTime();
		assertThatExceptionOfType(GenerationCancelledException.class)
			.isThrownBy(() -> retrying.generate(request, TokenSink.IGNORE));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(calls).hasValue(1);
	}

	@Test
	void aSuccessAfterTransientFailuresReturnsTheResult() {
		AtomicInteger calls = new AtomicInteger();
		TextGenerator flaky = new TextGenerator() {

			@Override
			public String provider() {
				return "test";
			}

			@Override
			public GenerationResult generate(GenerationRequest request, TokenSink sink) {
				if (calls.incrementAndGet() < 3) {
					throw new TransientAiException(FailureKind.CONNECTION, "test", "reset", 0, null, null);
				}
				return GenerationResult.online("done", StopReason.END_TURN, Usage.reported(1, 1), "test", "m");
			}

		};
		RecordingSleeper sleeper = new RecordingSleeper();
		RetryingGenerator retrying = new RetryingGenerator(flaky, this.policy, sleeper, new SplittableRandom(3), null);

		GenerationResult result = retrying.generate(GenerationRequest.builder("m").user("hi").build(),
				TokenSink.IGNORE);

		assertThat(result.text()).isEqualTo("done");
		assertThat(sleeper.sleeps).hasSize(2);
		assertThat(sleeper.sleeps.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(sleeper.sleeps.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(2));
	}

}
