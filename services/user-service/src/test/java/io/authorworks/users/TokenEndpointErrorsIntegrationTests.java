package io.authorworks.users;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.OidcTestClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client errors at the token, revocation and introspection endpoints, as a client library
 * (or curl, which accepts anything) sees them: RFC 6749 §5.2 JSON errors, never a
 * redirect to the sign-in page.
 */
@IntegrationTest(properties = { "SIGNING_KEY_PASSWORD=integration-test-signing-password",
		"GATEWAY_CLIENT_SECRET=integration-test-gateway-secret", "LOG_FORMAT=text" })
class TokenEndpointErrorsIntegrationTests {

	static final String WEB = "authorworks-web";

	static final String WEB_SECRET = "integration-test-gateway-secret";

	static final String WEB_CALLBACK = "http://localhost:8080/bff/oauth2/callback/authorworks";

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void aRefreshWithAMadeUpTokenIsAnInvalidGrant() {
		for (String accept : new String[] { "*/*", "application/json", null }) {
			HttpResponse<String> response = post("/oauth2/token",
					Map.of("grant_type", "refresh_token", "refresh_token", "made-up-refresh-token"), basic(), accept);
			assertError(response, 400, "invalid_grant");
		}
	}

	@Test
	void aConfidentialClientWithoutItsSecretIsAnInvalidClient() {
		HttpResponse<String> refresh = post("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", "made-up-refresh-token", "client_id", WEB), null,
				"*/*");
		assertInvalidClient(refresh);

		HttpResponse<String> code = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code",
				"made-up-code", "redirect_uri", WEB_CALLBACK, "client_id", WEB), null, "*/*");
		assertInvalidClient(code);

		HttpResponse<String> nothing = post("/oauth2/token", Map.of("grant_type", "client_credentials"), null,
				"text/html,application/xhtml+xml,*/*;q=0.8");
		assertInvalidClient(nothing);
	}

	@Test
	void aWrongSecretIsAnInvalidClientWithAChallenge() {
		HttpResponse<String> response = post("/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", "made-up-refresh-token"),
				basic(WEB, "not-the-secret-at-all"), "*/*");
		assertInvalidClient(response);
	}

	@Test
	void aPublicClientWithoutItsCodeVerifierIsAnInvalidRequest() {
		HttpResponse<String> response = post("/oauth2/token", Map.of("grant_type", "authorization_code", "code",
				"made-up-code", "redirect_uri", "http://127.0.0.1/callback", "client_id", "authorworks-cli"), null,
				"*/*");
		assertError(response, 400, "invalid_request");
		assertThat(json(response).get("error_description").asString()).contains("code_verifier");
	}

	@Test
	void anUnsupportedGrantIsSaidSo() {
		HttpResponse<String> password = post("/oauth2/token",
				Map.of("grant_type", "password", "username", "ada", "password", "secret"), basic(), "*/*");
		assertError(password, 400, "unsupported_grant_type");

		HttpResponse<String> anonymous = post("/oauth2/token",
				Map.of("grant_type", "password", "username", "ada", "password", "secret"), null, "*/*");
		assertInvalidClient(anonymous);
	}

	@Test
	void revocationAndIntrospectionWithoutClientCredentialsAreInvalidClients() {
		assertInvalidClient(post("/oauth2/revoke", Map.of("token", "anything"), null, "*/*"));
		assertInvalidClient(post("/oauth2/introspect", Map.of("token", "anything"), null, "*/*"));
		assertInvalidClient(post("/oauth2/revoke", Map.of("token", "anything", "client_id", WEB), null, null));

		HttpResponse<String> revoked = post("/oauth2/revoke", Map.of("token", "made-up-token"), basic(), "*/*");
		assertThat(revoked.statusCode()).as("revoking an unknown token is not an error (RFC 7009)").isEqualTo(200);
	}

	@Test
	void aBrowserIsStillSentToSignInFromTheAuthorizationEndpoint() {
		HttpResponse<String> response = new FormBrowser(base())
			.get(base() + "/oauth2/authorize?response_type=code&client_id=" + WEB + "&redirect_uri=" + WEB_CALLBACK
					+ "&scope=openid&state=s&code_challenge_method=S256"
					+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	private void assertInvalidClient(HttpResponse<String> response) {
		assertError(response, 401, "invalid_client");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic realm="));
	}

	private static void assertError(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
		assertThat(json(response).get("error").asString()).isEqualTo(error);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return OidcTestClient.json(response.body());
	}

	private HttpResponse<String> post(String path, Map<String, String> form, @Nullable String authorization,
			@Nullable String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(FormBrowser.form(form)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String basic() {
		return basic(WEB, WEB_SECRET);
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
