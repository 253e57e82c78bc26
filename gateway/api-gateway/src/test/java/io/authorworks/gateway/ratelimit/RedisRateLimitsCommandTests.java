package io.authorworks.gateway.ratelimit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.authorworks.platform.test.RealInfrastructure;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's burst costs Redis one command per request, however many of their requests
 * arrive at once: counted by Redis itself ({@code MONITOR}) on the real server.
 */
class RedisRateLimitsCommandTests {

	private static final int REQUESTS = 640;

	private LettuceConnectionFactory connectionFactory;

	private RedisRateLimits limits;

	private RedisMonitor monitor;

	private int database;

	@BeforeEach
	void connect() throws Exception {
		RedisURI uri = RedisURI.create(RealInfrastructure.redisUrl());
		this.database = uri.getDatabase();
		this.connectionFactory = RedisRateLimitsTests.connectionFactory(RealInfrastructure.redisUrl());
		this.limits = new RedisRateLimits(this.connectionFactory, "authorworks:test:" + UUID.randomUUID() + ":");
		this.monitor = new RedisMonitor(URI.create(RealInfrastructure.redisUrl()), this.database);
	}

	@AfterEach
	void close() throws Exception {
		this.monitor.close();
		this.limits.destroy();
		this.connectionFactory.destroy();
	}

	@ParameterizedTest(name = "{0} concurrent callers")
	@ValueSource(ints = { 1, 4, 64 })
	void aBurstOnOneKeyCostsAtMostOneCommandPerRequest(int callers) throws Exception {
		RatePolicy policy = new RatePolicy("api", 1_000_000);
		String caller = "user:" + UUID.randomUUID();
		// The connection is opened and the script loaded once, on the first request.
		this.limits.take(policy, caller);
		drain();
		this.monitor.reset();

		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<RateDecision>> decisions = new ArrayList<>();
			for (int c = 0; c < callers; c++) {
				decisions.add(executor.submit(() -> {
					RateDecision last = null;
					for (int i = 0; i < REQUESTS / callers; i++) {
						last = this.limits.take(policy, caller);
						assertThat(last.allowed()).isTrue();
					}
					return last;
				}));
			}
			for (Future<RateDecision> decision : decisions) {
				decision.get();
			}
		}
		int requests = (REQUESTS / callers) * callers;
		Map<String, Long> commands = drain();
		long total = commands.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf("%d callers, %d requests: %d commands (%.2f per request) %s%n", callers, requests, total,
				(double) total / requests, commands);
		assertThat(total).as("commands sent for %d requests: %s", requests, commands).isLessThanOrEqualTo(requests);
	}

	private Map<String, Long> drain() throws Exception {
		return this.monitor.drain();
	}

}
