package io.authorworks.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.authorworks.platform.test.OidcTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the edge does with too much or bad input: the sign-in limit holds across both
 * gateway instances, and malformed requests get problem documents without changing
 * anything.
 */
class EdgeLimitsIT {

	private final RunningPlatform platform = RunningPlatform.get();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void signInAttemptsPastTheLimitGet429AcrossBothGatewayInstances() throws Exception {
		List<URI> gateways = this.platform.replicas("api-gateway");
		assertThat(gateways).hasSize(2);
		String client = "192.0.2." + (1 + (int) (System.nanoTime() % 250));
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < 14; i++) {
			URI gateway = gateways.get(i % 2);
			responses.add(this.http.send(HttpRequest.newBuilder(gateway.resolve("/login"))
				.header("X-Forwarded-For", client)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("login=nobody&password=wrong"))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
		assertThat(statuses.subList(0, 10)).doesNotContain(429);
		HttpResponse<String> limited = responses.getLast();
		assertThat(limited.statusCode()).as("statuses %s", statuses).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((value) -> assertThat(Integer.parseInt(value)).isPositive());
		assertThat(limited.headers().firstValue("RateLimit-Policy")).isPresent();
		assertThat(limited.headers().firstValue("RateLimit")).isPresent();
		assertThat(limited.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("application/problem+json"));
		assertThat(OidcTestClient.json(limited.body()).get("type").asString()).endsWith("/rate-limited");
		// Both instances refused, so the budget is shared, not per instance.
		assertThat(responses.get(12).statusCode()).isEqualTo(429);
		assertThat(responses.get(13).statusCode()).isEqualTo(429);
	}

	@Test
	void badInputOfEveryKindIsAProblemAndChangesNothing() throws Exception {
		Accounts.Account ann = Accounts.signUpAndVerify(this.platform, "ann");
		OidcTestClient oidc = Accounts.oidc(this.platform);
		String token = Accounts.accessToken(this.platform, ann);
		JsonNode before = OidcTestClient.json(oidc.api("GET", "/api/users/me", token, null).body());

		assertProblem(oidc.api("PATCH", "/api/users/me", token, "{\"bio\": "), 400, "malformed-body");
		assertProblem(oidc.api("PATCH", "/api/users/me", token, "{\"bio\": {\"a\": 1}}"), 400, "malformed-body");
		assertProblem(oidc.api("PATCH", "/api/users/me", token, "{\"bio\": \"ok\", \"website\": \"ftp://x\"}"), 422,
				"validation-failed");
		assertProblem(oidc.api("PUT", "/api/users/me/preferences/theme", token, "\"purple\""), 422,
				"validation-failed");
		assertProblem(oidc.api("GET", "/api/users/nowhere/at/all", token, null), 404, "not-found");
		assertProblem(oidc.api("DELETE", "/api/users/me", token, null), 405, "method-not-allowed");
		assertProblem(oidc.api("GET", "/api/admin/users", token, null), 403, "role-required");
		assertProblem(oidc.api("PATCH", "/api/users/me", token, "{\"bio\": \"" + "x".repeat(2_000_000) + "\"}"), 413,
				"payload-too-large");
		assertProblem(oidc.api("GET", "/api/users/me", "not-a-token", null), 401, "unauthenticated");

		JsonNode after = OidcTestClient.json(oidc.api("GET", "/api/users/me", token, null).body());
		assertThat(after.get("profile")).isEqualTo(before.get("profile"));
	}

	private static void assertProblem(HttpResponse<String> response, int status, String slug) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		JsonNode problem = OidcTestClient.json(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://authorworks.dev/problems/" + slug);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("at io.")
			.doesNotContain("localhost:3101");
	}

}
