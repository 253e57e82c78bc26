package io.authorworks.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.authorworks.platform.test.RealInfrastructure;
import io.authorworks.platform.test.TestIssuer;

/**
 * What the gateway talks to in tests, started once per test JVM: a token issuer, two
 * user-service instances, a slow storage service, a service with a live channel and an
 * address where nothing listens. Redis is the real one on loopback; each context gets its
 * own key prefix so runs never share rate-limit budgets.
 */
final class TestServices {

	static final TestIssuer ISSUER = new TestIssuer();

	static final FakeService USERS_A = new FakeService("users-a", ISSUER);

	static final FakeService USERS_B = new FakeService("users-b", ISSUER);

	static final FakeService STORAGE = new FakeService("storage", ISSUER);

	static final LiveService LIVE = new LiveService();

	static final int DEAD_PORT = freePort();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			USERS_A.close();
			USERS_B.close();
			STORAGE.close();
			LIVE.close();
			ISSUER.close();
		}));
	}

	private TestServices() {
	}

	/** The gateway settings that point it at the test services. */
	static Map<String, String> gatewayProperties(String signInPerMinute) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.data.redis.url", RealInfrastructure.redisUrl());
		properties.put("spring.session.data.redis.namespace", "authorworks:test:session");
		properties.put("authorworks.security.jwks-uri", ISSUER.jwksUri());
		properties.put("authorworks.gateway.sign-in.client-secret", "test-secret");
		properties.put("authorworks.gateway.services.users.urls", USERS_A.url() + "," + USERS_B.url());
		properties.put("authorworks.gateway.services.content.urls", "http://127.0.0.1:" + DEAD_PORT);
		properties.put("authorworks.gateway.services.storage.urls", STORAGE.url());
		properties.put("authorworks.gateway.services.storage.timeout", "500ms");
		properties.put("authorworks.gateway.services.storage.public-api-paths", "/api/storage/public/**");
		properties.put("authorworks.gateway.services.messaging.urls", LIVE.url());
		properties.put("authorworks.gateway.live.session-check-interval", "500ms");
		properties.put("authorworks.gateway.live.max-connections-per-session", "3");
		properties.put("authorworks.gateway.rate-limit.key-prefix", "authorworks:test:" + UUID.randomUUID() + ":");
		properties.put("authorworks.gateway.rate-limit.sign-in-per-minute", signInPerMinute);
		return properties;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
