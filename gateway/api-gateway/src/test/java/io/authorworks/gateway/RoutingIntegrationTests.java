package io.authorworks.gateway;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.authorworks.gateway.FakeService.Received;
import io.authorworks.platform.test.RawHttp;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing through the gateway to stand-in services: paths, query strings and the headers
 * a service relies on, load balancing over replicas, and clean {@code 503} problems when
 * a service is down or too slow.
 */
class RoutingIntegrationTests extends GatewayIntegrationTests {

	@Autowired
	PoolingHttpClientConnectionManager connections;

	@Test
	void apiCallsLoseTheApiPrefixAndKeepTheirQuery() {
		String marker = UUID.randomUUID().toString();
		HttpResponse<String> response = get("/api/users/me?marker=" + marker + "&q=a%20b", bearer());

		assertThat(response.statusCode()).isEqualTo(200);
		Received received = receivedByUsers((r) -> r.query() != null && r.query().contains(marker));
		assertThat(received.path()).isEqualTo("/users/me");
		assertThat(received.query().split("&")).containsExactlyInAnyOrder("marker=" + marker, "q=a%20b");
	}

	@Test
	void queriesReachTheServiceExactlyAsTheCallerSentThem() {
		// Values Spring's proxy could not encode again the same way (a 500 before) and
		// some it could, but changed on the way.
		for (String query : List.of("genre=a=b", "cursor=YWJjZA==", "genre=a%3Db&cursor=YWJj%3D%3D",
				"q=a+b&q=%C3%A9t%C3%A9&&empty=&flag", "b=2&a=1&b=1")) {
			String marker = "marker=" + UUID.randomUUID();
			String sent = marker + "&" + query;
			HttpResponse<String> signedIn = get("/api/users/me?" + sent, bearer());
			assertThat(signedIn.statusCode()).as(query).isEqualTo(200);
			assertThat(receivedByUsers((r) -> r.query() != null && r.query().contains(marker)).query()).as(query)
				.isEqualTo(sent);

			String anonymousMarker = "marker=" + UUID.randomUUID();
			String anonymousSent = anonymousMarker + "&" + query;
			HttpResponse<String> anonymous = get("/api/storage/public/books?" + anonymousSent);
			assertThat(anonymous.statusCode()).as(query).isEqualTo(200);
			assertThat(TestServices.STORAGE.last((r) -> r.query() != null && r.query().contains(anonymousMarker))
				.map(Received::query)).as(query).hasValue(anonymousSent);
		}
	}

	@Test
	void queriesThatCannotBeDecodedAreBadRequestProblemsThatReachNoService() {
		for (String query : List.of("genre=%zz", "genre=%", "cursor=abc%", "genre=%00", "genre=a%0Ab",
				"genre=%C3%28")) {
			String id = UUID.randomUUID().toString();
			assertBadRequestProblem(raw("GET", "/api/users/by-id/" + id + "?" + query, bearer()), query);
			assertBadRequestProblem(raw("GET", "/api/storage/public/" + id + "?" + query), query);
			assertThat(TestServices.USERS_A.all((r) -> r.path().contains(id))).isEmpty();
			assertThat(TestServices.USERS_B.all((r) -> r.path().contains(id))).isEmpty();
			assertThat(TestServices.STORAGE.all((r) -> r.path().contains(id))).isEmpty();
		}
	}

	@Test
	void whatTomcatRefusesIsAProblemNotAnHtmlPage() {
		List<String> targets = List.of("/api/users/me?genre=a|b", "/api/users/me?genre=[x]", "/api/users/me?genre={x}",
				"/api/users/me?genre=\"x\"", "/api/users/me?genre=a^b", "/api/users/me?genre=a\\b",
				"/api/users/me?genre=a`b", "/api/users/me?genre=<b", "/api/content/books/a%2Fb",
				"/api/content/books/a%00b", "/api/users/me?cursor=" + "c".repeat(10_000));
		for (String target : targets) {
			assertBadRequestProblem(raw("GET", target, bearer()), target);
		}
		assertBadRequestProblem(raw("POST", "/api/storage/files", bearer()[0], bearer()[1], "Idempotency-Key",
				"k".repeat(10_000), "Content-Length", "0"), "a long Idempotency-Key");
	}

	@Test
	void aCreatedResourcesLocationIsItsAddressAtTheGateway() {
		HttpResponse<String> created = send(client(),
				request("/api/storage/created").header("Authorization", bearer()[1])
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build());

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().allValues("Location")).containsExactly("/api/storage/things/42");
		assertThat(created.headers().allValues("Content-Location")).containsExactly("/api/storage/things/42");

		// The sign-in pages are forwarded unchanged, and so are their paths.
		HttpResponse<String> page = send(client(),
				request("/login/created").POST(HttpRequest.BodyPublishers.ofString("")).build());
		assertThat(page.headers().allValues("Location")).containsExactly("/login/things/42");
	}

	@Test
	void aProxiedAnswerCarriesTheRequestIdOnce() {
		HttpResponse<String> generated = get("/api/users/me", bearer());
		assertThat(generated.headers().allValues("X-Request-Id")).hasSize(1);

		HttpResponse<String> given = get("/api/users/me", bearer()[0], bearer()[1], "X-Request-Id",
				"given-request-id-1");
		assertThat(given.headers().allValues("X-Request-Id")).containsExactly("given-request-id-1");
	}

	private static void assertBadRequestProblem(RawHttp.Response response, String what) {
		assertThat(response.status()).as(what).isEqualTo(400);
		assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
		assertThat(response.header("X-Request-Id")).as(what).isNotNull();
		assertThat(response.body()).as(what)
			.contains("\"type\":\"https://authorworks.dev/problems/bad-request\"")
			.contains("\"status\":400");
		assertThat(response.headers() + "\n" + response.body()).as(what)
			.doesNotContain("<html")
			.doesNotContain("Exception");
	}

	@Test
	void adminCallsGoToTheUserServiceAdminApi() {
		String marker = UUID.randomUUID().toString();
		assertThat(get("/api/admin/users?marker=" + marker, bearer()).statusCode()).isEqualTo(200);

		assertThat(receivedByUsers((r) -> r.query() != null && r.query().contains(marker)).path())
			.isEqualTo("/admin/users");
	}

	@Test
	void aTrustedProxyTellsServicesTheClientAndTheOrigin() {
		String marker = UUID.randomUUID().toString();
		// What nginx in front of the gateway sends; loopback is a trusted proxy by
		// default. The untrusted case is in RateLimitIntegrationTests.
		get("/api/users/me?marker=" + marker, bearer()[0], bearer()[1], "X-Forwarded-For", "203.0.113.9",
				"X-Forwarded-Proto", "https", "X-Forwarded-Host", "authorworks.example", "X-Forwarded-Port", "443",
				"Forwarded", "for=198.51.100.1");

		Received received = receivedByUsers((r) -> r.query() != null && r.query().contains(marker));
		assertThat(received.header("X-Forwarded-For")).isEqualTo("203.0.113.9");
		assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
		assertThat(received.header("X-Forwarded-Host")).isEqualTo("authorworks.example");
		assertThat(received.header("X-Forwarded-Port")).isEqualTo("443");
		assertThat(received.header("X-Forwarded-Prefix")).isEqualTo("/api");
		assertThat(received.header("Forwarded")).isNull();
	}

	@Test
	void requestIdAndTraceContextReachTheService() {
		String marker = UUID.randomUUID().toString();
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpResponse<String> response = get("/api/users/me?marker=" + marker, "Authorization", bearer()[1],
				"X-Request-Id", "test-request-" + marker, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

		Received received = receivedByUsers((r) -> r.query() != null && r.query().contains(marker));
		assertThat(received.header("X-Request-Id")).isEqualTo("test-request-" + marker);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("test-request-" + marker);
		assertThat(received.header("traceparent")).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void aGeneratedRequestIdAndANewTraceReachTheService() {
		String marker = UUID.randomUUID().toString();
		HttpResponse<String> response = get("/api/users/me?marker=" + marker, bearer());

		Received received = receivedByUsers((r) -> r.query() != null && r.query().contains(marker));
		assertThat(received.header("X-Request-Id")).isNotBlank()
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
	}

	@Test
	void bearerTokensPassThroughUntouched() {
		String marker = UUID.randomUUID().toString();
		String token = bearer()[1];
		assertThat(get("/api/users/me?marker=" + marker, "Authorization", token).statusCode()).isEqualTo(200);

		assertThat(receivedByUsers((r) -> r.query() != null && r.query().contains(marker)).header("Authorization"))
			.isEqualTo(token);
	}

	@Test
	void theGatewaysOwnCookiesStayAtTheGateway() {
		String marker = UUID.randomUUID().toString();
		get("/api/users/me?marker=" + marker, "Authorization", bearer()[1], "Cookie",
				"AW_SESSION=secret; theme=dark; __Host-AW_SESSION=also-secret; AW_IDP_SESSION=pages");

		assertThat(receivedByUsers((r) -> r.query() != null && r.query().contains(marker)).header("Cookie"))
			.isEqualTo("theme=dark");
	}

	@Test
	void signInPagesAndEndpointsGoToTheUserServiceUnchanged() {
		for (String path : List.of("/login", "/signup", "/password-reset/confirm", "/.well-known/openid-configuration",
				"/oauth2/jwks", "/account/security", "/auth-assets/site.css", "/login/two-factor",
				"/oauth2/authorization/logto", "/login/oauth2/code/logto")) {
			String marker = UUID.randomUUID().toString();
			HttpResponse<String> response = get(path + "?marker=" + marker, "Accept", "text/html");

			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(receivedByUsers((r) -> r.query() != null && r.query().contains(marker)).path()).as(path)
				.isEqualTo(path);
		}
	}

	@Test
	void theGatewaysOwnSignInPathsAreNotForwarded() {
		HttpResponse<String> response = get("/bff/oauth2/authorization/authorworks");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow())
			.startsWith("http://localhost:8080/oauth2/authorize?");
	}

	@Test
	void requestsAreSpreadOverEveryInstance() {
		String marker = UUID.randomUUID().toString();
		for (int i = 0; i < 6; i++) {
			assertThat(get("/api/users/me?marker=" + marker, bearer()).statusCode()).isEqualTo(200);
		}
		Predicate<Received> mine = (r) -> r.query() != null && r.query().contains(marker);
		assertThat(TestServices.USERS_A.all(mine)).hasSize(3);
		assertThat(TestServices.USERS_B.all(mine)).hasSize(3);
	}

	@Test
	void aServiceThatIsDownAnswersAServiceUnavailableProblem() {
		HttpResponse<String> response = send(client(),
				request("/api/content/books/42").header("Authorization", bearer()[1])
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build());

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"https://authorworks.dev/problems/service-unavailable\"")
			.contains("\"instance\":\"/api/content/books/42\"")
			.contains("\"requestId\"")
			.doesNotContain("127.0.0.1")
			.doesNotContain("Exception");
	}

	@Test
	void aServiceThatIsTooSlowAnswersAServiceUnavailableProblemInTime() throws InterruptedException {
		String marker = UUID.randomUUID().toString();
		long started = System.nanoTime();
		HttpResponse<String> response = get("/api/storage/slow?marker=" + marker, bearer());
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("service-unavailable");
		assertThat(millis).isLessThan(2500);
		// Giving up on a slow service is not a reason to send it the same read again.
		Thread.sleep(1000);
		assertThat(TestServices.STORAGE.all((r) -> r.query() != null && r.query().contains(marker))).hasSize(1);
	}

	@Test
	void aStreamTheCallerLeavesIsEndedAtTheService() throws Exception {
		// Closing an AI answer's stream is how the editor cancels it: the service must
		// see
		// the caller go, so it stops the provider call, rather than the gateway reading
		// on.
		String marker = "marker=" + UUID.randomUUID();
		HttpResponse<InputStream> response = client().send(
				request("/api/storage/events?" + marker).header("Authorization", bearer()[1]).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		try (BufferedReader events = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(events.readLine()).isEqualTo("event: token");
			assertThat(events.readLine()).isEqualTo("data: 0");
		}

		FakeService.StreamEnd end = streamEnd(marker, Duration.ofSeconds(10))
			.orElseThrow(() -> new AssertionError("the service still streams 10 s after the caller left"));
		assertThat(end.callerLeft()).isTrue();
		assertThat(end.eventsSent()).isLessThan(250);
	}

	@Test
	void aStreamIsRelayedWholePastTheServicesTimeout() {
		// 30 events take 1.5 s; the service's timeout (500 ms) applies until the answer
		// starts.
		String marker = "marker=" + UUID.randomUUID();
		HttpResponse<String> response = get("/api/storage/events?count=30&" + marker, bearer());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("event: token\ndata: 0\n\n").endsWith("data: 29\n\n");
		assertThat(streamEnd(marker, Duration.ofSeconds(5))).hasValueSatisfying((end) -> {
			assertThat(end.callerLeft()).isFalse();
			assertThat(end.eventsSent()).isEqualTo(30);
		});
	}

	@Test
	void aReadOnAConnectionTheServiceClosedIsSentAgain() {
		// A redeployed service closes the connections the gateway keeps to it; the next
		// read
		// on one of them gets no answer. Reads are safe to send again, so the caller sees
		// none
		// of it.
		assertThat(get("/api/storage/files", bearer()).statusCode()).isEqualTo(200);
		TestServices.STORAGE.restart();

		String marker = UUID.randomUUID().toString();
		HttpResponse<String> read = get("/api/storage/files?marker=" + marker, bearer());
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(TestServices.STORAGE.all((r) -> r.query() != null && r.query().contains(marker))).hasSize(1);

		// A write is not sent again: the service may have applied it before it went.
		TestServices.STORAGE.restart();
		String write = UUID.randomUUID().toString();
		HttpResponse<String> post = send(client(),
				request("/api/storage/files?marker=" + write).header("Authorization", bearer()[1])
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build());
		assertThat(post.statusCode()).isIn(200, 503);
		assertThat(TestServices.STORAGE.all((r) -> r.query() != null && r.query().contains(write))).hasSizeLessThan(2);
	}

	@Test
	void aServicesBusyAnswerGoesToTheCallerUnrepeated() throws InterruptedException {
		String marker = UUID.randomUUID().toString();
		HttpResponse<String> busy = get("/api/storage/busy?marker=" + marker, bearer());

		assertThat(busy.statusCode()).isEqualTo(503);
		assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
		Thread.sleep(1500);
		assertThat(TestServices.STORAGE.all((r) -> r.query() != null && r.query().contains(marker))).hasSize(1);
	}

	@Test
	void theServiceDecidesOnAReadsPreconditions() throws InterruptedException {
		for (int i = 0; i < 20; i++) {
			// The service answers in full although the tag matches: so must the gateway.
			String marker = UUID.randomUUID().toString();
			HttpResponse<String> full = get("/api/storage/tagged?marker=" + marker, bearer()[0], bearer()[1],
					"If-None-Match", "\"7\"", "If-Modified-Since", "Wed, 02 Sep 2026 08:00:00 GMT");
			assertThat(full.statusCode()).as(full.body()).isEqualTo(200);
			assertThat(full.body()).contains("\"version\":7");
			assertThat(full.headers().firstValue("ETag")).hasValue("\"7\"");
			Received received = TestServices.STORAGE.last((r) -> r.query() != null && r.query().contains(marker))
				.orElseThrow();
			assertThat(received.header("If-None-Match")).isEqualTo("\"7\"");
			assertThat(received.header("If-Modified-Since")).isEqualTo("Wed, 02 Sep 2026 08:00:00 GMT");

			// The service's own 304 reaches the caller.
			HttpResponse<String> unchanged = get("/api/storage/tagged?revalidates&marker=" + marker, bearer()[0],
					bearer()[1], "If-None-Match", "\"7\"");
			assertThat(unchanged.statusCode()).isEqualTo(304);
			assertThat(unchanged.body()).isEmpty();
		}
		// Every answer was read or closed: no connection is left leased.
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.connections.getTotalStats().getLeased() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.connections.getTotalStats().getLeased()).isZero();
	}

	@Test
	void eachServicesApiDocumentIsServedThroughTheGateway() {
		HttpResponse<String> response = get("/api-docs/users");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"openapi\":\"3.1.0\"");
		Received received = receivedByUsers((r) -> r.path().equals("/v3/api-docs"));
		assertThat(received.header("X-Forwarded-Prefix")).isEqualTo("/api");
	}

	@Test
	void servicesWithoutAUrlHaveNoRoutes() {
		HttpResponse<String> response = get("/api/media/covers/1", bearer());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("https://authorworks.dev/problems/not-found");
	}

	private static Optional<FakeService.StreamEnd> streamEnd(String marker, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		while (TestServices.STORAGE.streamEnd(marker).isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return TestServices.STORAGE.streamEnd(marker);
	}

	static String[] bearer() {
		return new String[] { "Authorization",
				"Bearer " + TestServices.ISSUER.userToken(FakeService.USER_ID, "ada", List.of("author")) };
	}

	private static Received receivedByUsers(Predicate<Received> filter) {
		Set<Received> found = new HashSet<>();
		TestServices.USERS_A.last(filter).ifPresent(found::add);
		TestServices.USERS_B.last(filter).ifPresent(found::add);
		assertThat(found).as("requests received by the user-service").hasSize(1);
		return found.iterator().next();
	}

}
