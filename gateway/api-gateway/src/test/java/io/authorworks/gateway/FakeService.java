package io.authorworks.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.authorworks.platform.test.TestIssuer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A downstream service for the gateway tests, on a JDK HTTP server: it records every
 * request it receives and answers with what it saw. It also plays the user-service's OIDC
 * back channel (token, user info, revocation), signing tokens with a {@link TestIssuer}.
 */
final class FakeService implements AutoCloseable {

	static final UUID USER_ID = UUID.fromString("0199a1b2-0000-7000-8000-00000000a11c");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private volatile HttpServer server;

	private final TestIssuer issuer;

	private final ConcurrentLinkedDeque<Received> received = new ConcurrentLinkedDeque<>();

	private final AtomicInteger refreshes = new AtomicInteger();

	private final ConcurrentLinkedDeque<StreamEnd> streamEnds = new ConcurrentLinkedDeque<>();

	volatile String nonce = "";

	volatile int accessTokenSeconds = 3600;

	/** How long a refresh takes, to widen the window in which parallel requests meet. */
	volatile Duration refreshTime = Duration.ZERO;

	/** Answer every refresh with {@code invalid_grant}, as for a revoked family. */
	volatile boolean refuseRefreshes;

	/** The sign-in ({@code sid}) of the access tokens issued from now on. */
	volatile String signIn = UUID.randomUUID().toString();

	private final Set<String> redeemed = ConcurrentHashMap.newKeySet();

	private final AtomicInteger replays = new AtomicInteger();

	FakeService(String name, TestIssuer issuer) {
		this.name = name;
		this.issuer = issuer;
		this.server = listen(0);
	}

	private HttpServer listen(int port) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
		return server;
	}

	/**
	 * Stops and starts again on the same port, as a redeployed service does: every
	 * connection a client kept open to it is closed.
	 */
	void restart() {
		int port = this.server.getAddress().getPort();
		this.server.stop(0);
		this.server = listen(port);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The most recent request that matches. */
	Optional<Received> last(Predicate<Received> filter) {
		return this.received.stream().filter(filter).reduce((first, second) -> second);
	}

	List<Received> all(Predicate<Received> filter) {
		return this.received.stream().filter(filter).toList();
	}

	int refreshes() {
		return this.refreshes.get();
	}

	/** Refresh tokens redeemed a second time: what the user-service takes for theft. */
	int replays() {
		return this.replays.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), List.copyOf(values)));
		Received request = new Received(this.name, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), headers, new String(body, StandardCharsets.UTF_8));
		this.received.add(request);
		// As every service does (the platform's RequestIdFilter), it answers with the
		// request id it was given.
		String requestId = request.header("X-Request-Id");
		if (requestId != null) {
			exchange.getResponseHeaders().add("X-Request-Id", requestId);
		}
		String path = request.path();
		if (path.contains("/slow")) {
			sleep(Duration.ofSeconds(3));
		}
		if (path.endsWith("/events")) {
			events(exchange, request);
			return;
		}
		if (path.endsWith("/busy")) {
			exchange.getResponseHeaders().add("Retry-After", "1");
			json(exchange, 503, Map.of("status", 503, "title", "Busy"));
			return;
		}
		if (path.endsWith("/created")) {
			// A create, answered as the services do: Location is the service's own path.
			String location = path.replace("/created", "/things/42");
			exchange.getResponseHeaders().add("Location", location);
			exchange.getResponseHeaders().add("Content-Location", location);
			json(exchange, 201, Map.of("id", 42));
			return;
		}
		if (path.endsWith("/tagged")) {
			tagged(exchange, request);
			return;
		}
		switch (path) {
			case "/oauth2/token" -> token(exchange, form(request.body()));
			case "/userinfo" -> json(exchange, 200,
					Map.of("sub", USER_ID.toString(), "preferred_username", "ada", "name", "Ada Lovelace"));
			case "/oauth2/revoke" -> json(exchange, 200, Map.of());
			case "/v3/api-docs" -> json(exchange, 200,
					Map.of("openapi", "3.1.0", "info", Map.of("title", this.name, "version", "1"), "paths", Map.of()));
			default -> json(exchange, 200, Map.of("service", this.name, "method", request.method(), "path", path));
		}
	}

	private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
		if ("refresh_token".equals(form.get("grant_type"))) {
			sleep(this.refreshTime);
			this.refreshes.incrementAndGet();
			if (!this.redeemed.add(form.getOrDefault("refresh_token", ""))) {
				this.replays.incrementAndGet();
				json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "replayed"));
				return;
			}
			if (this.refuseRefreshes) {
				json(exchange, 400, Map.of("error", "invalid_grant"));
				return;
			}
		}
		json(exchange, 200, tokens(form));
	}

	private Map<String, Object> tokens(Map<String, String> form) {
		String grant = form.getOrDefault("grant_type", "");
		String accessToken = this.issuer
			.accessToken(USER_ID.toString(),
					Map.of("roles", List.of("author"), "preferred_username", "ada", "scope",
							List.of("openid", "profile"), "sid", this.signIn),
					Duration.ofSeconds(this.accessTokenSeconds));
		Map<String, Object> tokens = new LinkedHashMap<>();
		tokens.put("access_token", accessToken);
		tokens.put("token_type", "Bearer");
		tokens.put("expires_in", this.accessTokenSeconds);
		tokens.put("refresh_token", "refresh-" + UUID.randomUUID());
		tokens.put("scope", "openid profile email");
		if ("authorization_code".equals(grant)) {
			tokens.put("id_token",
					this.issuer.sign(
							USER_ID.toString(), Map.of("aud", "authorworks-web", "azp", "authorworks-web", "nonce",
									this.nonce, "preferred_username", "ada", "name", "Ada Lovelace"),
							Duration.ofMinutes(10)));
		}
		return tokens;
	}

	/**
	 * How the server-sent event stream of a request ended: whether the caller went away
	 * before the last event, and after how many events. Found by a marker in its query
	 * (the gateway may pass query parameters on in another order).
	 */
	Optional<StreamEnd> streamEnd(String marker) {
		return this.streamEnds.stream().filter((end) -> end.query().contains(marker)).findFirst();
	}

	/**
	 * Sends an event every 50 ms, as a slow model's answer would stream: {@code count}
	 * events (the query parameter), 400 unless it says otherwise.
	 */
	private void events(HttpExchange exchange, Received request) {
		int count = Integer.parseInt(form(String.valueOf(request.query())).getOrDefault("count", "400"));
		int sent = 0;
		boolean callerLeft = false;
		try {
			exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			for (; sent < count; sent++) {
				out.write(("event: token\ndata: " + sent + "\n\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
				sleep(Duration.ofMillis(50));
			}
			out.close();
		}
		catch (IOException | RuntimeException ex) {
			callerLeft = ex instanceof IOException;
			if (!callerLeft) {
				System.err.println("the event stream " + request.query() + " failed: " + ex);
			}
		}
		this.streamEnds.add(new StreamEnd(String.valueOf(request.query()), callerLeft, sent));
		exchange.close();
	}

	/**
	 * A versioned resource (ETag {@code "7"}). It answers {@code 304} to a matching
	 * {@code If-None-Match} only when the query says {@code revalidates}; otherwise it
	 * answers in full, as the content-service does.
	 */
	private void tagged(HttpExchange exchange, Received request) throws IOException {
		exchange.getResponseHeaders().add("ETag", "\"7\"");
		exchange.getResponseHeaders().add("Last-Modified", "Tue, 01 Sep 2026 08:00:00 GMT");
		if (String.valueOf(request.query()).contains("revalidates")
				&& "\"7\"".equals(request.header("If-None-Match"))) {
			exchange.sendResponseHeaders(304, -1);
			exchange.close();
			return;
		}
		json(exchange, 200, Map.of("service", this.name, "version", 7));
	}

	static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void json(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record StreamEnd(String query, boolean callerLeft, int eventsSent) {

	}

	/** A request as the service received it; header names in lower case. */
	record Received(String service, String method, String path, String query, Map<String, List<String>> headers,
			String body) {

		@Nullable String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase());
			return (values == null || values.isEmpty()) ? null : String.join(", ", values);
		}

		List<String> headerValues(String name) {
			return this.headers.getOrDefault(name.toLowerCase(), new ArrayList<>());
		}

	}

}
