package io.authorworks.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import io.authorworks.platform.test.OidcTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Identity as clients see it from outside, through the gateway only: a standard OIDC
 * client signs in with code + PKCE, rotates refresh tokens, is stopped on a replay, and
 * its tokens validate against the published keys, also after a user-service restart; a
 * service token reaches internal endpoints but not user ones.
 */
class IdentityThroughGatewayIT {

	private final RunningPlatform platform = RunningPlatform.get();

	@Test
	void codeWithPkceThroughTheGatewayThenTheProfile() throws Exception {
		Accounts.Account ada = Accounts.signUpAndVerify(this.platform, "ada");
		OidcTestClient oidc = Accounts.oidc(this.platform);
		JsonNode tokens = oidc.signIn(Accounts.browser(this.platform), ada.email(), ada.password());
		String accessToken = tokens.get("access_token").asString();

		HttpResponse<String> me = oidc.api("GET", "/api/users/me", accessToken, null);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(OidcTestClient.json(me.body()).get("username").asString()).isEqualTo(ada.username());

		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.platform.publicUrl() + "/oauth2/jwks")
			.jwtProcessorCustomizer((processor) -> processor
				.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
			.build();
		// An RFC 9068 access token for the API, issued to the web app's client.
		decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
			.issuer(this.platform.publicUrl())
			.audience("authorworks-api")
			.clientId("authorworks-web")
			.build());
		Jwt jwt = decoder.decode(accessToken);
		assertThat(jwt.getIssuer().toString()).isEqualTo(this.platform.publicUrl());
		assertThat(jwt.getClaimAsStringList("roles")).contains("author");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isLessThanOrEqualTo(Duration.ofMinutes(15));

		JsonNode discovery = OidcTestClient.json(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.platform.publicUrl() + "/.well-known/openid-configuration"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body());
		assertThat(discovery.get("issuer").asString()).isEqualTo(this.platform.publicUrl());
		assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
	}

	@Test
	void signUpAndSignInWorkWhicheverUserServiceInstanceAnswers() throws Exception {
		assertThat(this.platform.replicas("user-service")).hasSize(2);
		for (int i = 0; i < 3; i++) {
			Accounts.Account person = Accounts.signUpAndVerify(this.platform, "pat");
			// A sampled trace, so every request of the sign-in gets its access-log line
			// (unsampled successes are logged at DEBUG only).
			String traceparent = Accounts.sampledTraceparent();
			OidcTestClient oidc = Accounts.oidc(this.platform).with("traceparent", traceparent);
			String token = oidc
				.signIn(Accounts.browser(this.platform).with("traceparent", traceparent), person.email(),
						person.password())
				.get("access_token")
				.asString();
			assertThat(oidc.api("GET", "/api/users/me", token, null).statusCode()).isEqualTo(200);
		}
		// The gateway spread the sign-up and sign-in pages over both instances; sessions
		// and
		// authorization state live in Redis and PostgreSQL, so either could continue the
		// other's flow.
		for (java.nio.file.Path log : this.platform.logsOf("user-service")) {
			String lines = java.nio.file.Files.readString(log);
			assertThat(lines).as(log.toString()).contains("\"POST /login 302").contains("/oauth2/authorize");
		}
	}

	@Test
	void refreshRotatesAndAReplayRevokesTheFamily() throws Exception {
		Accounts.Account bob = Accounts.signUpAndVerify(this.platform, "bob");
		OidcTestClient oidc = Accounts.oidc(this.platform);
		String first = oidc.signIn(Accounts.browser(this.platform), bob.username(), bob.password())
			.get("refresh_token")
			.asString();
		OidcTestClient.Response rotated = oidc.refresh(first);
		assertThat(rotated.status()).isEqualTo(200);
		String second = rotated.body().get("refresh_token").asString();
		assertThat(second).isNotEqualTo(first);
		OidcTestClient.Response third = oidc.refresh(second);
		assertThat(third.status()).isEqualTo(200);
		// Not the token replaced last: a replay, whenever it comes.
		assertThat(oidc.refresh(first).body().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(oidc.refresh(third.body().get("refresh_token").asString()).status())
			.as("the replay revoked the whole family")
			.isEqualTo(400);
	}

	@Test
	void tokensIssuedBeforeAUserServiceRestartStillValidateAfterIt() throws Exception {
		Accounts.Account cy = Accounts.signUpAndVerify(this.platform, "cy");
		String accessToken = Accounts.accessToken(this.platform, cy);
		URI replica = this.platform.replicas("user-service").getFirst();
		ProcessHandle process = this.platform.platform.process("user-service", 1).orElseThrow();
		// Killed without a chance to clean up, as in a crash.
		process.destroyForcibly();
		await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
		// The launcher restarts a deployable that died; wait until the new process
		// answers.
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> http
				.send(HttpRequest.newBuilder(replica.resolve("/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode() == 200);
		HttpResponse<String> me = http.send(HttpRequest.newBuilder(replica.resolve("/users/me"))
			.header("Authorization", "Bearer " + accessToken)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(OidcTestClient.json(me.body()).get("username").asString()).isEqualTo(cy.username());
	}

	@Test
	void aServiceTokenReachesInternalEndpointsAndIsRefusedWhereAUserIsRequired() throws Exception {
		Accounts.Account dee = Accounts.signUpAndVerify(this.platform, "dee");
		OidcTestClient oidc = Accounts.oidc(this.platform);
		String userToken = Accounts.accessToken(this.platform, dee);
		String userId = OidcTestClient.json(oidc.api("GET", "/api/users/me", userToken, null).body())
			.get("id")
			.asString();

		OidcTestClient.Response service = oidc.clientCredentials("content-service",
				this.platform.secret("SERVICE_CLIENT_SECRET_CONTENT_SERVICE"), "users.read");
		assertThat(service.status()).isEqualTo(200);
		String serviceToken = service.body().get("access_token").asString();

		URI userService = this.platform.replicas("user-service").getFirst();
		HttpResponse<String> internal = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(userService.resolve("/internal/users/" + userId))
				.header("Authorization", "Bearer " + serviceToken)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(internal.statusCode()).isEqualTo(200);
		assertThat(OidcTestClient.json(internal.body()).get("username").asString()).isEqualTo(dee.username());

		HttpResponse<String> me = oidc.api("GET", "/api/users/me", serviceToken, null);
		assertThat(me.statusCode()).isEqualTo(403);
		assertThat(me.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
	}

}
