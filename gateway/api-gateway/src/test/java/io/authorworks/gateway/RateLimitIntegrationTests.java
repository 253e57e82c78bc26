package io.authorworks.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.authorworks.gateway.FakeService.Received;
import io.authorworks.gateway.ratelimit.RedisMonitor;
import io.authorworks.platform.test.RealInfrastructure;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits: sign-in attempts and rejected bearer calls per client address, enforced
 * together by every gateway instance because the budgets live in Redis.
 */
class RateLimitIntegrationTests extends GatewayIntegrationTests {

	@Test
	void apiResponsesAnnounceTheRemainingBudget() {
		HttpResponse<String> response = get("/api/users/me", RoutingIntegrationTests.bearer());

		assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"api\";q=300;w=60");
		assertThat(response.headers().firstValue("RateLimit").orElseThrow()).matches("\"api\";r=29\\d;t=\\d+");
	}

	@Test
	void twoGatewaysShareOneSignInBudget() {
		Map<String, String> properties = TestServices.gatewayProperties("5");
		// Nothing on this machine is a trusted proxy here, so a client cannot pick its
		// own address with X-Forwarded-For.
		properties.put("server.tomcat.remoteip.internal-proxies", "192\\.0\\.2\\.1");
		properties.put("server.port", "0");
		try (ConfigurableApplicationContext first = start(properties);
				ConfigurableApplicationContext second = start(properties)) {
			List<URI> gateways = List.of(loginUri(first), loginUri(second));
			HttpClient client = client();
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				responses.add(send(client,
						HttpRequest.newBuilder(gateways.get(i % 2))
							.timeout(Duration.ofSeconds(10))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.header("X-Forwarded-For", "198.51.100." + i)
							.POST(HttpRequest.BodyPublishers.ofString("username=ada&password=wrong"))
							.build()));
			}

			assertThat(responses.subList(0, 5)).allSatisfy((response) -> {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"sign-in\";q=5;w=60");
			});
			assertThat(responses.get(0).headers().firstValue("RateLimit").orElseThrow())
				.matches("\"sign-in\";r=4;t=\\d+");
			assertThat(responses.subList(5, 7)).allSatisfy((response) -> {
				assertThat(response.statusCode()).isEqualTo(429);
				assertThat(response.headers().firstValue("Content-Type").orElseThrow())
					.startsWith("application/problem+json");
				assertThat(response.body()).contains("\"type\":\"https://authorworks.dev/problems/rate-limited\"")
					.contains("\"status\":429");
				assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L,
						60L);
				assertThat(response.headers().firstValue("RateLimit").orElseThrow()).matches("\"sign-in\";r=0;t=\\d+");
			});

			String marker = UUID.randomUUID().toString();
			HttpResponse<String> page = send(client,
					HttpRequest.newBuilder(URI.create(loginUri(first) + "?marker=" + marker))
						.header("X-Forwarded-For", "198.51.100.99")
						.header("X-Forwarded-Host", "evil.example")
						.GET()
						.build());
			assertThat(page.statusCode()).isEqualTo(200);
			Received received = TestServices.USERS_A.last((r) -> r.query() != null && r.query().contains(marker))
				.or(() -> TestServices.USERS_B.last((r) -> r.query() != null && r.query().contains(marker)))
				.orElseThrow();
			assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
			assertThat(received.header("X-Forwarded-Host")).startsWith("localhost:");
		}
	}

	@Test
	void aBrowserOverTheSignInBudgetIsShownAPageAndAScriptAProblem() {
		Map<String, String> properties = TestServices.gatewayProperties("1");
		properties.put("server.port", "0");
		try (ConfigurableApplicationContext gateway = start(properties)) {
			HttpClient client = client();
			String browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
			HttpResponse<String> first = send(client, signIn(gateway, browserAccept));
			assertThat(first.statusCode()).isEqualTo(200);

			HttpResponse<String> page = send(client, signIn(gateway, browserAccept));
			assertThat(page.statusCode()).isEqualTo(429);
			assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			long retryAfter = Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow());
			assertThat(retryAfter).isBetween(1L, 60L);
			assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
				.contains("default-src 'none'")
				.contains("frame-ancestors 'none'");
			assertThat(page.headers().firstValue("RateLimit").orElseThrow()).matches("\"sign-in\";r=0;t=\\d+");
			assertThat(page.body()).contains("<h1>Too many attempts</h1>")
				.containsPattern("Wait " + retryAfter + " seconds?, then try again")
				.contains("href=\"/login\"")
				.doesNotContain("<script")
				.doesNotContain("{");

			for (String scriptAccept : new String[] { "application/json", "*/*",
					"application/json, text/html;q=0.5" }) {
				HttpResponse<String> problem = send(client, signIn(gateway, scriptAccept));
				assertThat(problem.statusCode()).isEqualTo(429);
				assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).as("for Accept %s", scriptAccept)
					.startsWith("application/problem+json");
				assertThat(problem.headers().firstValue("Retry-After")).isPresent();
			}
		}
	}

	@Test
	void aRefusalsTextAndHeadersNameTheSameWait() {
		// 60 a minute: one request comes back every second, long before the whole budget.
		Map<String, String> properties = TestServices.gatewayProperties("60");
		properties.put("server.port", "0");
		try (ConfigurableApplicationContext gateway = start(properties)) {
			HttpClient client = client();
			HttpResponse<String> refused = null;
			for (int i = 0; i < 200 && refused == null; i++) {
				HttpResponse<String> response = send(client, signIn(gateway, "application/json"));
				if (response.statusCode() == 429) {
					refused = response;
				}
			}
			assertThat(refused).as("a 429 within 200 sign-ins").isNotNull();
			long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
			assertThat(retryAfter).isEqualTo(1);
			assertThat(refused.headers().firstValue("RateLimit")).hasValue("\"sign-in\";r=0;t=" + retryAfter);
			assertThat(refused.body()).contains("Try again in 1 second.");
		}
	}

	@Test
	void anAddressThatSpentItsRejectedCallsIsRefusedBeforeAnyTokenIsChecked() {
		Map<String, String> properties = TestServices.gatewayProperties("1000");
		properties.put("authorworks.gateway.rate-limit.rejected-per-minute", "5");
		properties.put("server.port", "0");
		try (ConfigurableApplicationContext gateway = start(properties)) {
			String valid = RoutingIntegrationTests.bearer()[1];
			String guesser = "198.51.100.20";
			for (int i = 0; i < 8; i++) {
				assertThat(callApi(gateway, guesser, valid).statusCode()).as("calls that succeed cost nothing")
					.isEqualTo(200);
			}
			for (int i = 0; i < 5; i++) {
				HttpResponse<String> rejected = callApi(gateway, guesser, "Bearer made-up-token-" + i);
				assertThat(rejected.statusCode()).isEqualTo(401);
			}

			HttpResponse<String> refused = callApi(gateway, guesser, "Bearer made-up-token-5");
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
			assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"rejected\";q=5;w=60");
			assertThat(refused.headers().firstValue("RateLimit").orElseThrow()).matches("\"rejected\";r=0;t=\\d+");
			assertThat(refused.headers().firstValue("WWW-Authenticate")).as("the token was never looked at").isEmpty();

			HttpResponse<String> validButRefused = callApi(gateway, guesser, valid);
			assertThat(validButRefused.statusCode()).as("refused before the token is checked").isEqualTo(429);

			String neighbour = "198.51.100.21";
			assertThat(callApi(gateway, neighbour, valid).statusCode()).isEqualTo(200);
			assertThat(callApi(gateway, neighbour, "Bearer made-up-token").statusCode()).isEqualTo(401);
		}
	}

	@Test
	void aSecondGatewayLearnsOfASpentRejectedBudgetFromItsOwnFirstRejection() {
		Map<String, String> properties = TestServices.gatewayProperties("1000");
		properties.put("authorworks.gateway.rate-limit.rejected-per-minute", "3");
		properties.put("server.port", "0");
		try (ConfigurableApplicationContext first = start(properties);
				ConfigurableApplicationContext second = start(properties)) {
			String valid = RoutingIntegrationTests.bearer()[1];
			String guesser = "198.51.100.40";
			for (int i = 0; i < 3; i++) {
				assertThat(callApi(first, guesser, "Bearer made-up-token-" + i).statusCode()).isEqualTo(401);
			}
			assertThat(callApi(first, guesser, "Bearer made-up-token-3").statusCode()).isEqualTo(429);

			// The budget is shared: the second gateway checks one more guess, counts it
			// in
			// Redis, finds the budget spent and from then on refuses unchecked.
			assertThat(callApi(second, guesser, "Bearer made-up-token-4").statusCode()).isEqualTo(401);
			HttpResponse<String> refused = callApi(second, guesser, valid);
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.headers().firstValue("RateLimit").orElseThrow()).matches("\"rejected\";r=0;t=\\d+");
			assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		}
	}

	@Test
	void oneAddressesConcurrentSignedInCallsCostRedisOneRateLimitCommandEach() throws Exception {
		Map<String, String> properties = TestServices.gatewayProperties("1000");
		properties.put("server.port", "0");
		String prefix = java.util.Objects.requireNonNull(properties.get("authorworks.gateway.rate-limit.key-prefix"));
		String redisUrl = RealInfrastructure.redisUrl();
		try (ConfigurableApplicationContext gateway = start(properties);
				RedisMonitor monitor = new RedisMonitor(URI.create(redisUrl), RedisURI.create(redisUrl).getDatabase(),
						prefix)) {
			String valid = RoutingIntegrationTests.bearer()[1];
			String reader = "198.51.100.30";
			assertThat(callApi(gateway, reader, valid).statusCode()).isEqualTo(200);
			monitor.drain();
			monitor.reset();

			int callers = 16;
			int calls = 10;
			try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> running = new ArrayList<>();
				for (int c = 0; c < callers; c++) {
					running.add(executor.submit(() -> {
						for (int i = 0; i < calls; i++) {
							assertThat(callApi(gateway, reader, valid).statusCode()).isEqualTo(200);
						}
					}));
				}
				for (Future<?> call : running) {
					call.get();
				}
			}

			assertThat(monitor.drain()).as("Redis commands on rate-limit keys for %d calls", callers * calls)
				.isEqualTo(Map.of("evalsha", (long) callers * calls));
		}
	}

	private static HttpResponse<String> callApi(ConfigurableApplicationContext gateway, String from,
			String authorization) {
		int port = port(gateway);
		return send(client(),
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/me"))
					.timeout(Duration.ofSeconds(10))
					.header("Authorization", authorization)
					.header("Accept", "application/json")
					.header("X-Forwarded-For", from)
					.GET()
					.build());
	}

	private static HttpRequest signIn(ConfigurableApplicationContext gateway, String accept) {
		return HttpRequest.newBuilder(loginUri(gateway))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString("login=ada&password=wrong"))
			.build();
	}

	private static ConfigurableApplicationContext start(Map<String, String> properties) {
		String[] args = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ApiGatewayApplication.class).run(args);
	}

	private static URI loginUri(ConfigurableApplicationContext context) {
		int port = port(context);
		return URI.create("http://localhost:" + port + "/login");
	}

	private static int port(ConfigurableApplicationContext context) {
		WebServer server = ((WebServerApplicationContext) context).getWebServer();
		assertThat(server).as("the gateway's web server").isNotNull();
		return server.getPort();
	}

}
