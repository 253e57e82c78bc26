package io.authorworks.users;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.authorworks.platform.test.ApiContract;
import io.authorworks.platform.test.OpenApiSnapshot;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.users.twofactor.TotpAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user-service's OpenAPI document against the service: every documented operation is
 * called as the document describes it and with a request it must refuse, and every
 * request and answer is checked against the document (issue #11, item 5).
 */
@IntegrationTest(properties = { "SIGNING_KEY_PASSWORD=integration-test-signing-password",
		"GATEWAY_CLIENT_SECRET=integration-test-gateway-secret",
		"SERVICE_CLIENTS=content-service:integration-test-content-secret:users.read",
		"ADMIN_EMAILS=contract-admin@example.test", "LOG_FORMAT=text" })
class ApiContractIntegrationTests {

	@RegisterExtension
	static final Mailbox mail = new Mailbox();

	@LocalServerPort
	int port;

	final Accounts accounts = new Accounts(mail, this::base);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mail.register(registry);
	}

	@Test
	void everyDocumentedOperationAnswersAsDocumented() throws Exception {
		ApiContract api = ApiContract.of(base());
		String ada = this.accounts.accessToken(this.accounts.signUpAndVerify("ada"));
		String admin = this.accounts
			.accessToken(this.accounts.signUpAndVerify("cadmin", "contract-admin@example.test"));
		String service = this.accounts.oidc()
			.clientCredentials("content-service", "integration-test-content-secret", "users.read")
			.body()
			.get("access_token")
			.asString();

		// Profile
		ApiContract.Exchange me = api.call("GET /users/me").bearer(ada).send();
		String adaId = me.json().get("id").asString();
		String username = me.json().get("username").asString();
		api.call("GET /users/me").bearer(service).wrong().send();
		ApiContract.Exchange updated = api.call("PATCH /users/me")
			.bearer(ada)
			.header("If-Match", me.header("ETag").orElseThrow())
			.json(Map.of("bio", "Writes about engines."))
			.send();
		api.call("PATCH /users/me")
			.bearer(ada)
			.header("If-Match", me.header("ETag").orElseThrow())
			.json(Map.of("bio", "Stale."))
			.wrong()
			.send();
		assertThat(updated.status()).isEqualTo(200);
		api.call("PUT /users/me/roles/author").bearer(ada).send();
		api.call("PUT /users/me/roles/author").bearer(service).wrong().send();
		api.call("GET /users/by-username/{username}").path("username", username).send();
		api.call("GET /users/by-username/{username}").path("username", "nobody-" + Accounts.suffix()).wrong().send();

		// Preferences
		api.call("PUT /users/me/preferences/{key}").bearer(ada).path("key", "theme").json("\"dark\"").send();
		api.call("PUT /users/me/preferences/{key}").bearer(ada).path("key", "Not A Key").json("1").wrong().send();
		api.call("GET /users/me/preferences").bearer(ada).send();
		api.call("GET /users/me/preferences").bearer(service).wrong().send();
		api.call("DELETE /users/me/preferences/{key}").bearer(ada).path("key", "theme").send();
		api.call("DELETE /users/me/preferences/{key}").bearer(ada).path("key", "Not A Key").wrong().send();

		// Two-factor sign-in
		api.call("POST /users/me/two-factor/confirm").bearer(ada).json(Map.of("code", "123456")).wrong().send();
		String secret = api.call("POST /users/me/two-factor").bearer(ada).send().json().get("secret").asString();
		api.call("POST /users/me/two-factor").bearer(service).wrong().send();
		api.call("POST /users/me/two-factor/confirm")
			.bearer(ada)
			.json(Map.of("code", TotpAccess.code(secret, Instant.now())))
			.send();
		api.call("POST /users/me/two-factor/recovery-codes")
			.bearer(ada)
			.json(Map.of("code", TotpAccess.code(secret, Instant.now())))
			.send();
		api.call("POST /users/me/two-factor/recovery-codes").bearer(ada).json(Map.of("code", "")).wrong().send();
		api.call("DELETE /users/me/two-factor").bearer(ada).json(Map.of("code", "")).wrong().send();
		api.call("DELETE /users/me/two-factor")
			.bearer(ada)
			.json(Map.of("code", TotpAccess.code(secret, Instant.now().plusSeconds(30))))
			.send();

		// Services
		api.call("GET /internal/users/{id}").bearer(service).path("id", adaId).send();
		api.call("GET /internal/users/{id}").bearer(ada).path("id", adaId).wrong().send();

		// Administration
		api.call("GET /admin/users").bearer(admin).query("limit", 1).send();
		api.call("GET /admin/users").bearer(ada).wrong().send();
		api.call("PUT /admin/users/{id}/roles")
			.bearer(admin)
			.path("id", adaId)
			.json(Map.of("roles", List.of("reader", "author")))
			.send();
		api.call("PUT /admin/users/{id}/roles")
			.bearer(admin)
			.path("id", adaId)
			.json(Map.of("roles", List.of("emperor")))
			.wrong()
			.send();
		api.call("POST /admin/users/{id}/suspend")
			.bearer(admin)
			.path("id", adaId)
			.json(Map.of("reason", "Test"))
			.send();
		api.call("POST /admin/users/{id}/suspend")
			.bearer(ada)
			.path("id", adaId)
			.json(Map.of("reason", "Self"))
			.wrong()
			.send();
		api.call("POST /admin/users/{id}/reinstate").bearer(admin).path("id", adaId).send();
		api.call("POST /admin/users/{id}/reinstate").bearer(ada).path("id", adaId).wrong().send();
		api.call("POST /admin/signing-keys/rotate").bearer(admin).send();
		api.call("POST /admin/signing-keys/rotate").bearer(ada).wrong().send();

		// Signing out, last: it ends the tokens above
		String bea = this.accounts.accessToken(this.accounts.signUpAndVerify("bea"));
		api.call("POST /users/me/password")
			.bearer(bea)
			.json(Map.of("currentPassword", "not the password", "newPassword", "another long secret"))
			.wrong()
			.send();
		api.call("POST /users/me/password")
			.bearer(bea)
			.json(Map.of("currentPassword", "a long and secret bea", "newPassword", "another long secret for bea"))
			.send();
		String cy = this.accounts.accessToken(this.accounts.signUpAndVerify("cy"));
		api.call("POST /users/me/sessions/revoke").bearer(service).wrong().send();
		api.call("POST /users/me/sessions/revoke").bearer(cy).send();

		api.assertEveryOperationRefusesWhatItMust();
		api.assertEveryOperationCovered();
	}

	/**
	 * The web app's API types are generated from the committed copy of this document, so
	 * the copy must be the document the service serves.
	 */
	@Test
	void theCommittedOpenApiDocumentIsTheOneServed() {
		OpenApiSnapshot.assertCommitted(ApiContract.of(base()).document(), "services/user-service", getClass());
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
