package io.authorworks.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.authorworks.platform.test.RealInfrastructure;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Redis token bucket against an in-memory model of the same budget, on the real
 * Redis, with time under the test's control: random sequences of takes, looks and pauses
 * from seeded generators (a failing seed repeats).
 */
class RedisRateLimitsTests {

	private static final long WINDOW = TimeUnit.SECONDS.toMicros(RatePolicy.WINDOW_SECONDS);

	private final AtomicLong now = new AtomicLong(1_765_000_000_000_000L);

	private LettuceConnectionFactory connectionFactory;

	private String prefix;

	private RedisRateLimits limits;

	@BeforeEach
	void connect() {
		this.connectionFactory = connectionFactory(RealInfrastructure.redisUrl());
		this.prefix = "authorworks:test:" + UUID.randomUUID() + ":";
		this.limits = new RedisRateLimits(this.connectionFactory, this.prefix, this.now::get);
	}

	@AfterEach
	void close() {
		this.limits.destroy();
		this.connectionFactory.destroy();
	}

	@Test
	void decidesAsTheModelDoesAndNeverAdmitsMoreThanTheBudget() {
		for (long seed = 1; seed <= 40; seed++) {
			Random random = new Random(seed);
			int capacity = switch (random.nextInt(4)) {
				case 0 -> 1 + random.nextInt(3);
				case 1 -> 7;
				case 2 -> 60;
				default -> 1 + random.nextInt(1000);
			};
			RatePolicy policy = new RatePolicy("api", capacity);
			String caller = "user:seed-" + seed;
			Model model = new Model(capacity, this.now.get());
			List<Long> admitted = new ArrayList<>();
			long interval = WINDOW / capacity;
			for (int step = 0; step < 250; step++) {
				long pause = switch (random.nextInt(5)) {
					case 0 -> 0;
					case 1 -> random.nextLong(interval + 1);
					case 2 -> interval;
					case 3 -> random.nextLong(3 * interval + 1);
					default -> (random.nextInt(10) == 0) ? random.nextLong(2 * WINDOW) : random.nextLong(1000);
				};
				this.now.addAndGet(pause);
				boolean take = random.nextInt(5) != 0;
				RateDecision expected = model.decide(this.now.get(), take);
				RateDecision actual = take ? this.limits.take(policy, caller) : this.limits.peek(policy, caller);
				assertThat(actual).as("seed %d, step %d, capacity %d, %s", seed, step, capacity, take ? "take" : "peek")
					.isEqualTo(expected);
				if (take && actual.allowed()) {
					admitted.add(this.now.get());
				}
			}
			assertNeverMoreThanTheBudget(admitted, capacity, seed);
		}
	}

	/**
	 * Between any two admitted requests, at most the full budget plus what refilled in
	 * between were admitted.
	 */
	private static void assertNeverMoreThanTheBudget(List<Long> admitted, int capacity, long seed) {
		for (int i = 0; i < admitted.size(); i++) {
			for (int j = i; j < admitted.size(); j++) {
				long count = j - i + 1;
				double allowed = capacity + (double) (admitted.get(j) - admitted.get(i)) * capacity / WINDOW;
				assertThat((double) count).as("seed %d: requests %d to %d", seed, i, j).isLessThanOrEqualTo(allowed);
			}
		}
	}

	@Test
	void aRefusalNamesTheMomentTheNextRequestIsAllowed() {
		RatePolicy policy = new RatePolicy("api", 7);
		for (int i = 0; i < 7; i++) {
			assertThat(this.limits.take(policy, "ip:192.0.2.1").allowed()).isTrue();
		}
		RateDecision refused = this.limits.take(policy, "ip:192.0.2.1");
		assertThat(refused).isEqualTo(new RateDecision(false, 0, 9, 9, 8_571_429));
		assertThat(refused.retryAfterSeconds()).isEqualTo(9);

		// One request comes back every 60/7 s = 8.571428…s.
		this.now.addAndGet(8_571_428);
		assertThat(this.limits.peek(policy, "ip:192.0.2.1").allowed()).isFalse();
		this.now.addAndGet(1);
		assertThat(this.limits.take(policy, "ip:192.0.2.1")).isEqualTo(new RateDecision(true, 0, 60, 0, 8_571_429));
		assertThat(this.limits.take(policy, "ip:192.0.2.1").allowed()).isFalse();
	}

	@Test
	void concurrentTakesNeverOverspend() throws Exception {
		RatePolicy policy = new RatePolicy("api", 100);
		AtomicLong allowed = new AtomicLong();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> callers = new ArrayList<>();
			for (int c = 0; c < 64; c++) {
				callers.add(executor.submit(() -> {
					for (int i = 0; i < 5; i++) {
						if (this.limits.take(policy, "user:ada").allowed()) {
							allowed.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> caller : callers) {
				caller.get();
			}
		}
		assertThat(allowed).hasValue(100);
	}

	@Test
	void aChangedLimitKeepsTheShareOfTheBudgetThatWasUsed() {
		for (int i = 0; i < 150; i++) {
			this.limits.take(new RatePolicy("api", 300), "user:ada");
		}
		assertThat(this.limits.peek(new RatePolicy("api", 600), "user:ada").remaining()).isEqualTo(300);
		assertThat(this.limits.take(new RatePolicy("api", 600), "user:ada").remaining()).isEqualTo(299);
		assertThat(this.limits.peek(new RatePolicy("api", 60), "user:ada").remaining()).isEqualTo(29);
	}

	@Test
	void aBucketExpiresTenSecondsAfterItWouldBeFullAgain() {
		RatePolicy policy = new RatePolicy("api", 300);
		this.limits.take(policy, "user:ada");
		this.limits.take(policy, "user:ada");
		try (var connection = this.connectionFactory.getConnection()) {
			Long ttl = connection.keyCommands()
				.pTtl((this.prefix + "api:user:ada").getBytes(StandardCharsets.UTF_8), TimeUnit.MILLISECONDS);
			// Two requests refill in 400 ms.
			assertThat(ttl).isBetween(9_000L, 10_400L);
			assertThat(connection.keyCommands()
				.exists((this.prefix + "api:ip:192.0.2.9").getBytes(StandardCharsets.UTF_8))).isFalse();
		}
		assertThat(this.limits.peek(policy, "ip:192.0.2.9").remaining()).as("a look stores nothing").isEqualTo(300);
		try (var connection = this.connectionFactory.getConnection()) {
			assertThat(connection.keyCommands()
				.exists((this.prefix + "api:ip:192.0.2.9").getBytes(StandardCharsets.UTF_8))).isFalse();
		}
	}

	@Test
	void aValueItCannotReadCountsAsAFullBucket() {
		try (var connection = this.connectionFactory.getConnection()) {
			connection.stringCommands()
				.set((this.prefix + "api:user:ada").getBytes(StandardCharsets.UTF_8), new byte[] { 0, 1, 2, 3 });
		}
		assertThat(this.limits.take(new RatePolicy("api", 300), "user:ada"))
			.isEqualTo(new RateDecision(true, 299, 1, 0, 0));
	}

	@Test
	void withoutAClockOfItsOwnRedisKeepsTheTime() {
		RedisRateLimits serverTime = new RedisRateLimits(this.connectionFactory, this.prefix);
		try {
			RatePolicy policy = new RatePolicy("api", 2);
			assertThat(serverTime.take(policy, "user:ada").remaining()).isEqualTo(1);
			assertThat(serverTime.take(policy, "user:ada").remaining()).isEqualTo(0);
			RateDecision refused = serverTime.take(policy, "user:ada");
			assertThat(refused.allowed()).isFalse();
			assertThat(refused.retryAfterSeconds()).isBetween(29L, 30L);
		}
		finally {
			serverTime.destroy();
		}
	}

	@Test
	void whenRedisCannotBeReachedTheCallerIsToldWithAnException() {
		LettuceConnectionFactory nowhere = connectionFactory("redis://127.0.0.1:1");
		RedisRateLimits unreachable = new RedisRateLimits(nowhere, this.prefix);
		try {
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> unreachable.take(new RatePolicy("api", 300), "user:ada"));
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> unreachable.peek(new RatePolicy("api", 300), "user:ada"));
		}
		finally {
			unreachable.destroy();
			nowhere.destroy();
		}
	}

	static LettuceConnectionFactory connectionFactory(String url) {
		RedisURI uri = RedisURI.create(url);
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
		configuration.setDatabase(uri.getDatabase());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/**
	 * The budget as the policy describes it, in exact integer arithmetic: {@code level}
	 * is the requests available times the window, so a microsecond refills
	 * {@code capacity} of it and a request costs one window.
	 */
	private static final class Model {

		private final long capacity;

		private long level;

		private long updated;

		Model(long capacity, long now) {
			this.capacity = capacity;
			this.level = capacity * WINDOW;
			this.updated = now;
		}

		RateDecision decide(long now, boolean take) {
			long elapsed = now - this.updated;
			this.level = Math.min(this.capacity * WINDOW, this.level + Math.min(elapsed, WINDOW) * this.capacity);
			this.updated = now;
			if (this.level < WINDOW) {
				long wait = ceilDiv(WINDOW - this.level, this.capacity);
				return new RateDecision(false, 0, Math.max(1, seconds(wait)), Math.max(1, seconds(wait)), wait);
			}
			if (take) {
				this.level -= WINDOW;
			}
			long untilFull = ceilDiv(this.capacity * WINDOW - this.level, this.capacity);
			long untilNext = (this.level >= WINDOW) ? 0 : ceilDiv(WINDOW - this.level, this.capacity);
			return new RateDecision(true, this.level / WINDOW, seconds(untilFull), 0, untilNext);
		}

		private static long seconds(long micros) {
			return ceilDiv(micros, 1_000_000);
		}

		private static long ceilDiv(long a, long b) {
			return Math.ceilDiv(a, b);
		}

	}

}
