package io.authorworks.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Token buckets in Redis (Bucket4j, compare-and-swap), one per policy and caller. Each
 * budget refills evenly over its minute; keys expire once a bucket would be full again.
 * Redis is reached through the same client Spring Data Redis configured from
 * {@code REDIS_URL}, connected on first use.
 */
class RedisRateLimits implements DisposableBean {

	private final LettuceConnectionFactory connectionFactory;

	private final String keyPrefix;

	private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;

	private volatile @Nullable ProxyManager<String> buckets;

	RedisRateLimits(LettuceConnectionFactory connectionFactory, String keyPrefix) {
		this.connectionFactory = connectionFactory;
		this.keyPrefix = keyPrefix;
	}

	/** Takes one request from the caller's budget under the policy. */
	RateDecision take(RatePolicy policy, String caller) {
		ConsumptionProbe probe = bucket(policy, caller).tryConsumeAndReturnRemaining(1);
		long reset = seconds(probe.getNanosToWaitForReset());
		if (probe.isConsumed()) {
			return new RateDecision(true, probe.getRemainingTokens(), reset, 0);
		}
		return RateDecision.refused(seconds(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Whether the caller's budget under the policy has a request left, without taking it.
	 */
	RateDecision peek(RatePolicy policy, String caller) {
		EstimationProbe probe = bucket(policy, caller).estimateAbilityToConsume(1);
		// The budget refills evenly, so the missing requests say how long until it is
		// full.
		long missing = policy.perMinute() - probe.getRemainingTokens();
		long reset = (missing * RatePolicy.WINDOW_SECONDS + policy.perMinute() - 1) / policy.perMinute();
		if (probe.canBeConsumed()) {
			return new RateDecision(true, probe.getRemainingTokens(), reset, 0);
		}
		return RateDecision.refused(seconds(probe.getNanosToWaitForRefill()));
	}

	private Bucket bucket(RatePolicy policy, String caller) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(policy.perMinute())
				.refillGreedy(policy.perMinute(), Duration.ofSeconds(RatePolicy.WINDOW_SECONDS)))
			.build();
		return buckets().builder()
			// A changed limit replaces the stored one instead of being ignored.
			.withImplicitConfigurationReplacement(policy.perMinute(), TokensInheritanceStrategy.PROPORTIONALLY)
			.build(this.keyPrefix + policy.name() + ":" + caller, () -> configuration);
	}

	private static long seconds(long nanos) {
		return (nanos <= 0) ? 0 : (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
	}

	private ProxyManager<String> buckets() {
		ProxyManager<String> existing = this.buckets;
		if (existing != null) {
			return existing;
		}
		synchronized (this) {
			if (this.buckets == null) {
				RedisClient client = (RedisClient) this.connectionFactory.getRequiredNativeClient();
				StatefulRedisConnection<String, byte[]> redis = client
					.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
				this.connection = redis;
				this.buckets = Bucket4jLettuce.casBasedBuilder(redis)
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
					.requestTimeout(Duration.ofSeconds(2))
					.build();
			}
			return this.buckets;
		}
	}

	@Override
	public void destroy() {
		StatefulRedisConnection<String, byte[]> redis = this.connection;
		if (redis != null) {
			redis.close();
		}
	}

}
