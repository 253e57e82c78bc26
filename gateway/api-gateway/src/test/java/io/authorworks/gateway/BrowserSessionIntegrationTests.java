package io.authorworks.gateway;

import java.net.HttpCookie;
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
import java.util.concurrent.TimeUnit;

import io.authorworks.gateway.FakeService.Received;
import io.authorworks.platform.web.security.EndedSessions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend-for-frontend as a browser meets it: sign-in with PKCE, a session whose
 * tokens never reach the browser, CSRF on changes, token relay with renewal, and sign-out
 * that revokes the refresh token and ends the identity service's session too. The
 * user-service's OIDC back channel is played by {@link FakeService}.
 */
class BrowserSessionIntegrationTests extends GatewayIntegrationTests {

	@Autowired
	EndedSessions endedSessions;

	@Test
	void anonymousApiCallsGetAnUnauthenticatedProblemNotARedirect() {
		HttpResponse<String> response = get("/api/users/me", "Accept", "text/html,application/json");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("https://authorworks.dev/problems/unauthenticated");
	}

	@Test
	void publicApiPathsNeedNoSignIn() {
		assertThat(get("/api/storage/public/covers/1").statusCode()).isEqualTo(200);
	}

	@Test
	void publicProfilesAreReadWithoutSignInAndNothingElseIs() {
		HttpResponse<String> profile = get("/api/users/by-username/ada", "Accept", "application/json");
		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.body()).contains("\"path\":\"/users/by-username/ada\"");

		// Only the read the user-service serves publicly is public at the gateway.
		for (String path : List.of("/api/users/by-username/ada/roles", "/api/users/me", "/api/users/by-username")) {
			assertThat(get(path, "Accept", "application/json").statusCode()).as(path).isEqualTo(401);
		}
		String marker = UUID.randomUUID().toString();
		HttpResponse<String> write = send(client(),
				request("/api/users/by-username/" + marker).header("Content-Type", "application/json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
					.build());
		assertThat(write.statusCode()).isIn(401, 403);
		assertThat(TestServices.USERS_A.all((r) -> r.path().contains(marker))).isEmpty();
		assertThat(TestServices.USERS_B.all((r) -> r.path().contains(marker))).isEmpty();
	}

	@Test
	void invalidBearerTokensAreRefused() {
		HttpResponse<String> response = get("/api/users/me", "Authorization", "Bearer not-a-token");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
	}

	@Test
	void withoutASessionTheSessionIsSignedOut() {
		HttpResponse<String> response = get("/bff/session");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"authenticated\":false}");
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("AW_SESSION"));
	}

	@Test
	void signInStartsTheAuthorizationCodeFlowWithPkceAndState() {
		HttpClient browser = browser();
		HttpResponse<String> login = send(browser, request("/bff/login?returnTo=/books/42").GET().build());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValue("/bff/oauth2/authorization/authorworks");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("AW_SESSION=").contains("HttpOnly").contains("SameSite=Lax"));

		Map<String, String> query = authorizationRedirect(browser);

		assertThat(query).containsEntry("response_type", "code")
			.containsEntry("client_id", "authorworks-web")
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("redirect_uri", "http://localhost:8080/bff/oauth2/callback/authorworks")
			.containsKeys("state", "nonce", "code_challenge");
		assertThat(query.get("scope")).isEqualTo("openid profile email");
	}

	@Test
	void signInReturnsOnlyToPathsOnThisSite() {
		for (String evil : new String[] { "https://evil.example/", "//evil.example", "/\\evil.example" }) {
			HttpClient browser = browser();
			send(browser, request("/bff/login?returnTo=" + encode(evil)).GET().build());
			assertThat(signIn(browser)).as(evil).isEqualTo("/");
		}
	}

	@Test
	void changesNeedTheCsrfTokenFromABrowserButNotWithABearerToken() {
		HttpResponse<String> withoutToken = send(client(),
				request("/api/users/me").method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build());
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.body()).contains("https://authorworks.dev/problems/csrf-token-invalid");

		HttpResponse<String> withBearer = send(client(),
				request("/api/users/me").header("Authorization", RoutingIntegrationTests.bearer()[1])
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
					.build());
		assertThat(withBearer.statusCode()).isEqualTo(200);
	}

	@Test
	void aSignedInBrowserGetsItsTokenRelayedAndCanSignOut() {
		HttpClient browser = browser();
		send(browser, request("/bff/login?returnTo=/books/42?tab=notes").GET().build());
		assertThat(signIn(browser)).isEqualTo("/books/42?tab=notes");

		HttpResponse<String> session = send(browser, request("/bff/session").GET().build());
		assertThat(session.body()).contains("\"authenticated\":true")
			.contains("\"userId\":\"" + FakeService.USER_ID + "\"")
			.contains("\"username\":\"ada\"")
			.contains("\"displayName\":\"Ada Lovelace\"")
			.contains("\"roles\":[\"author\"]")
			.doesNotContain("token");

		String marker = UUID.randomUUID().toString();
		HttpResponse<String> withoutCsrf = send(browser,
				request("/api/users/me?marker=" + marker).method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
					.build());
		assertThat(withoutCsrf.statusCode()).isEqualTo(403);

		String xsrf = csrfToken(browser);
		HttpResponse<String> withCsrf = send(browser,
				request("/api/users/me?marker=" + marker).header("X-XSRF-TOKEN", xsrf)
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
					.build());
		assertThat(withCsrf.statusCode()).isEqualTo(200);
		Received relayed = TestServices.USERS_A.last((r) -> r.query() != null && r.query().contains(marker))
			.or(() -> TestServices.USERS_B.last((r) -> r.query() != null && r.query().contains(marker)))
			.orElseThrow();
		assertThat(relayed.header("Authorization")).startsWith("Bearer ey");
		assertThat(relayed.header("Cookie")).isNull();

		HttpResponse<String> logout = send(browser,
				request("/bff/logout").header("X-XSRF-TOKEN", csrfToken(browser))
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.noBody())
					.build());
		assertThat(logout.statusCode()).isEqualTo(200);
		assertThat(logout.body()).contains("http://localhost:8080/connect/logout?id_token_hint=ey")
			.contains("post_logout_redirect_uri=http://localhost:8080/");
		Received revoked = TestServices.USERS_A.last((r) -> r.path().equals("/oauth2/revoke")).orElseThrow();
		assertThat(FakeService.form(revoked.body())).containsEntry("token_type_hint", "refresh_token")
			.containsKey("token");
		assertThat(revoked.header("Authorization")).startsWith("Basic ");

		assertThat(send(browser, request("/bff/session").GET().build()).body()).contains("\"authenticated\":false");
	}

	@Test
	void anExpiredAccessTokenIsRenewedBeforeItIsRelayed() {
		HttpClient browser = browser();
		TestServices.USERS_A.accessTokenSeconds = 5;
		try {
			send(browser, request("/bff/login").GET().build());
			signIn(browser);
		}
		finally {
			TestServices.USERS_A.accessTokenSeconds = 3600;
		}
		int before = TestServices.USERS_A.refreshes();

		HttpResponse<String> response = send(browser, request("/api/users/me").GET().build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestServices.USERS_A.refreshes()).isEqualTo(before + 1);
	}

	@Test
	void parallelCallsAtExpiryRenewOnceOnEitherReplicaAndAllSucceed() throws Exception {
		HttpClient browser = signedInWithDueTokens();
		int before = TestServices.USERS_A.refreshes();
		TestServices.USERS_A.refreshTime = Duration.ofMillis(300);
		try (ConfigurableApplicationContext second = secondReplica();
				ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			List<Future<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				URI target = URI
					.create("http://localhost:" + ((i % 2 == 0) ? this.port : secondPort) + "/api/users/me?call=" + i);
				calls.add(pool.submit(() -> send(browser, HttpRequest.newBuilder(target).GET().build())));
			}
			for (Future<HttpResponse<String>> call : calls) {
				HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
			}
		}
		finally {
			TestServices.USERS_A.refreshTime = Duration.ZERO;
		}
		assertThat(TestServices.USERS_A.refreshes()).as("one renewal for the session").isEqualTo(before + 1);
		assertThat(TestServices.USERS_A.replays()).isZero();
		assertThat(send(browser, request("/bff/session").GET().build()).body()).contains("\"authenticated\":true");
	}

	@Test
	void whenRenewalIsRefusedParallelCallsAllGet401AndTheSessionEnds() throws Exception {
		HttpClient browser = signedInWithDueTokens();
		TestServices.USERS_A.refuseRefreshes = true;
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				calls.add(pool.submit(() -> send(browser, request("/api/users/me").GET().build())));
			}
			for (Future<HttpResponse<String>> call : calls) {
				HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
				assertThat(response.headers().firstValue("Content-Type").orElseThrow())
					.startsWith("application/problem+json");
			}
		}
		finally {
			TestServices.USERS_A.refuseRefreshes = false;
		}
		assertThat(send(browser, request("/bff/session").GET().build()).body()).contains("\"authenticated\":false");
	}

	@Test
	void aSignInEndedElsewhereEndsTheSessionOnItsNextRequest() {
		String signIn = UUID.randomUUID().toString();
		TestServices.USERS_A.signIn = signIn;
		HttpClient browser = browser();
		send(browser, request("/bff/login").GET().build());
		signIn(browser);
		assertThat(send(browser, request("/api/users/me").GET().build()).statusCode()).isEqualTo(200);

		this.endedSessions.end(signIn, Duration.ofMinutes(1));
		TestServices.USERS_A.signIn = UUID.randomUUID().toString();

		HttpResponse<String> next = send(browser, request("/api/users/me").GET().build());
		assertThat(next.statusCode()).isEqualTo(401);
		assertThat(send(browser, request("/bff/session").GET().build()).body()).contains("\"authenticated\":false");
	}

	/** A signed-in browser whose access token is already due for renewal. */
	private HttpClient signedInWithDueTokens() {
		HttpClient browser = browser();
		TestServices.USERS_A.accessTokenSeconds = 5;
		try {
			send(browser, request("/bff/login").GET().build());
			signIn(browser);
		}
		finally {
			TestServices.USERS_A.accessTokenSeconds = 3600;
		}
		return browser;
	}

	/**
	 * A second gateway on the same Redis, as a second replica behind the load balancer.
	 */
	private static ConfigurableApplicationContext secondReplica() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
		TestServices.gatewayProperties("1000").forEach((key, value) -> arguments.add("--" + key + "=" + value));
		return new SpringApplicationBuilder(ApiGatewayApplication.class).run(arguments.toArray(String[]::new));
	}

	@Test
	void signingOutWithoutASessionGoesHome() {
		HttpClient browser = browser();
		HttpResponse<String> logout = send(browser,
				request("/bff/logout").POST(HttpRequest.BodyPublishers.noBody()).build());

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).hasValue("http://localhost:8080/");
	}

	@Test
	void theCsrfTokenIsBoundToItsSession() {
		HttpClient attacker = browser();
		send(attacker, request("/bff/login").GET().build());
		signIn(attacker);
		String attackersToken = csrfToken(attacker);
		HttpClient victim = browser();
		send(victim, request("/bff/login").GET().build());
		signIn(victim);

		HttpResponse<String> forged = send(victim,
				request("/api/users/me").header("X-XSRF-TOKEN", attackersToken)
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
					.build());
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("csrf-token-invalid");

		HttpResponse<String> own = send(victim,
				request("/api/users/me").header("X-XSRF-TOKEN", csrfToken(victim))
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
					.build());
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(cookieNames(victim)).doesNotContain("XSRF-TOKEN");
	}

	private java.util.List<String> cookieNames(HttpClient browser) {
		return ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore()
			.get(uri("/"))
			.stream()
			.map(HttpCookie::getName)
			.toList();
	}

}
