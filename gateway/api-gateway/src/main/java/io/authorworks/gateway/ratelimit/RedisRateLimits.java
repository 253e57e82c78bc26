package io.authorworks.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Token buckets in Redis, one per policy and caller. Each budget refills evenly over its
 * minute; keys expire once a bucket would be full again. Taking from or looking at a
 * bucket is one {@code EVALSHA} of a small script ({@code token-bucket.lua}) that reads,
 * refills and writes the bucket inside Redis, so one person's burst costs one Redis
 * command per request however many of their requests arrive at once. (Bucket4j's Redis
 * buckets, used before, compare and swap from the client: a {@code GET} and an
 * {@code EVAL} per attempt, retried on every conflict, about 50 commands per request with
 * 64 concurrent requests of one person.) Time is Redis's own clock, so every gateway
 * counts it alike.
 *
 * <p>
 * Redis is reached through the same client Spring Data Redis configured from
 * {@code REDIS_URL}, connected on first use; a command that takes longer than 2 s fails,
 * and callers let the request through.
 */
class RedisRateLimits implements DisposableBean {

	static final String SCRIPT = script();

	private static final long WINDOW_MICROS = TimeUnit.SECONDS.toMicros(RatePolicy.WINDOW_SECONDS);

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final LettuceConnectionFactory connectionFactory;

	private final String keyPrefix;

	private final @Nullable LongSupplier microsClock;

	private volatile @Nullable StatefulRedisConnection<String, String> connection;

	private volatile @Nullable String digest;

	RedisRateLimits(LettuceConnectionFactory connectionFactory, String keyPrefix) {
		this(connectionFactory, keyPrefix, null);
	}

	/**
	 * With a clock of the caller's, in microseconds, instead of Redis's (for tests that
	 * control time).
	 */
	RedisRateLimits(LettuceConnectionFactory connectionFactory, String keyPrefix, @Nullable LongSupplier microsClock) {
		this.connectionFactory = connectionFactory;
		this.keyPrefix = keyPrefix;
		this.microsClock = microsClock;
	}

	/** Takes one request from the caller's budget under the policy. */
	RateDecision take(RatePolicy policy, String caller) {
		return run(policy, caller, true);
	}

	/**
	 * Whether the caller's budget under the policy has a request left, without taking it.
	 */
	RateDecision peek(RatePolicy policy, String caller) {
		return run(policy, caller, false);
	}

	private RateDecision run(RatePolicy policy, String caller, boolean take) {
		String[] keys = { this.keyPrefix + policy.name() + ":" + caller };
		LongSupplier clock = this.microsClock;
		String[] arguments = { Integer.toString(policy.perMinute()), take ? "1" : "0", Long.toString(WINDOW_MICROS),
				(clock != null) ? Long.toString(clock.getAsLong()) : "" };
		RedisCommands<String, String> redis = redis();
		List<Long> result;
		try {
			result = redis.evalsha(digest(redis), ScriptOutputType.MULTI, keys, arguments);
		}
		catch (RedisNoScriptException ex) {
			// Redis restarted or its scripts were flushed: EVAL runs and caches it again.
			result = redis.eval(SCRIPT, ScriptOutputType.MULTI, keys, arguments);
		}
		if (result.get(0) == 1L) {
			return RateDecision.allowed(result.get(1), result.get(2), result.get(3));
		}
		return RateDecision.refused(result.get(3));
	}

	private String digest(RedisCommands<String, String> redis) {
		String existing = this.digest;
		if (existing == null) {
			existing = redis.digest(SCRIPT);
			this.digest = existing;
		}
		return existing;
	}

	private RedisCommands<String, String> redis() {
		StatefulRedisConnection<String, String> existing = this.connection;
		if (existing != null) {
			return existing.sync();
		}
		synchronized (this) {
			StatefulRedisConnection<String, String> redis = this.connection;
			if (redis == null) {
				RedisClient client = (RedisClient) this.connectionFactory.getRequiredNativeClient();
				redis = client.connect();
				redis.setTimeout(TIMEOUT);
				this.connection = redis;
			}
			return redis.sync();
		}
	}

	private static String script() {
		try (InputStream in = RedisRateLimits.class.getResourceAsStream("token-bucket.lua")) {
			if (in == null) {
				throw new IllegalStateException("token-bucket.lua is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void destroy() {
		StatefulRedisConnection<String, String> redis = this.connection;
		if (redis != null) {
			redis.close();
		}
	}

}
