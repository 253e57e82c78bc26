package io.authorworks.content;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.authorworks.platform.test.TestIssuer;

/**
 * A stand-in for the user-service's two endpoints this service calls, over real HTTP: the
 * OAuth2 token endpoint (client credentials, answered with a token from the
 * {@link TestIssuer}) and {@code GET /internal/users/{id}}, which insists on a bearer
 * token it issued with the {@code users.read} scope.
 */
final class FakeUserService implements AutoCloseable {

	static final String CLIENT_ID = "content-service";

	static final String CLIENT_SECRET = "content-service-test-secret";

	private final HttpServer server;

	private final Map<UUID, String> accounts = new ConcurrentHashMap<>();

	private final Set<String> issued = ConcurrentHashMap.newKeySet();

	final AtomicInteger tokenRequests = new AtomicInteger();

	final AtomicInteger lookups = new AtomicInteger();

	FakeUserService(TestIssuer issuer) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/oauth2/token", (exchange) -> {
			String expected = "Basic " + Base64.getEncoder()
				.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (!"POST".equals(exchange.getRequestMethod()) || !expected.equals(auth(exchange))
					|| !body.contains("grant_type=client_credentials")) {
				respond(exchange, 401, "{\"error\":\"invalid_client\"}");
				return;
			}
			this.tokenRequests.incrementAndGet();
			String token = issuer.serviceToken(CLIENT_ID, List.of("users.read"));
			this.issued.add(token);
			respond(exchange, 200, "{\"access_token\":\"" + token
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":600,\"scope\":\"users.read\"}");
		});
		this.server.createContext("/internal/users/", (exchange) -> {
			String header = auth(exchange);
			if (header == null || !header.startsWith("Bearer ") || !this.issued.contains(header.substring(7))) {
				respond(exchange, 401, "{}");
				return;
			}
			this.lookups.incrementAndGet();
			String id = exchange.getRequestURI().getPath().substring("/internal/users/".length());
			UUID userId;
			try {
				userId = UUID.fromString(id);
			}
			catch (IllegalArgumentException ex) {
				respond(exchange, 400, "{}");
				return;
			}
			String status = this.accounts.get(userId);
			if (status == null) {
				respond(exchange, 404, "{\"type\":\"https://authorworks.dev/problems/not-found\",\"status\":404}");
				return;
			}
			respond(exchange, 200, "{\"id\":\"" + userId + "\",\"username\":\"u" + id.substring(0, 8)
					+ "\",\"displayName\":\"Someone\",\"status\":\"" + status + "\"}");
		});
		this.server.start();
	}

	/** Makes an account known, as if it had signed up. */
	UUID register(UUID id) {
		this.accounts.put(id, "active");
		return id;
	}

	void suspend(UUID id) {
		this.accounts.put(id, "suspended");
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private static String auth(HttpExchange exchange) {
		return exchange.getRequestHeaders().getFirst("Authorization");
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
