package io.authorworks.users;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.OidcTestClient;
import io.authorworks.users.twofactor.TotpAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Sign in with" an external OpenID Connect provider, end to end: the provider is a
 * second user-service ({@link ExternalProvider}) and the service under test is configured
 * only through Spring Boot's standard client registration properties, as in production.
 */
@IntegrationTest(properties = { "SIGNING_KEY_PASSWORD=integration-test-signing-password",
		"GATEWAY_CLIENT_SECRET=integration-test-gateway-secret", "LOG_FORMAT=text",
		"spring.security.oauth2.client.registration.external.client-id=" + ExternalProvider.CLIENT_ID,
		"spring.security.oauth2.client.registration.external.client-secret=" + ExternalProvider.CLIENT_SECRET,
		"spring.security.oauth2.client.registration.external.client-name=External ID",
		"spring.security.oauth2.client.registration.external.scope=openid,profile,email" })
class FederationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@DynamicPropertySource
	static void externalProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.client.provider.external.issuer-uri",
				() -> ExternalProvider.get().issuer());
	}

	@AfterAll
	static void stopProvider() {
		ExternalProvider.stop();
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	OidcTestClient oidc() {
		return Accounts.webClient(base());
	}

	@Test
	void theSignInPageOffersTheProviderWithoutJavaScript() {
		String page = new FormBrowser(base()).get("/login").body();
		assertThat(page)
			.contains("<a class=\"button\" href=\"/oauth2/authorization/external\">Sign in with External ID</a>");
	}

	@Test
	void aVerifiedNewcomerGetsANewAccountAndTokensForIt() throws Exception {
		String name = "nia" + Accounts.suffix();
		UUID external = ExternalProvider.get()
			.createAccount(name + "@example.test", name, "Nia Newcomer", "nia's long password");
		OidcTestClient tokens = oidc();

		JsonNode signedIn = tokens.signIn(new FormBrowser(base()), throughProvider(name, "nia's long password"));

		Jwt jwt = decode(signedIn.get("access_token").asString());
		JsonNode me = OidcTestClient
			.json(tokens.api("GET", "/users/me", signedIn.get("access_token").asString(), null).body());
		assertThat(jwt.getSubject()).isEqualTo(me.get("id").asString()).isNotEqualTo(external.toString());
		assertThat(me.get("email").asString()).isEqualTo(name + "@example.test");
		assertThat(me.get("emailVerified").asBoolean()).isTrue();
		assertThat(me.get("username").asString()).isEqualTo(name);
		assertThat(me.get("displayName").asString()).isEqualTo("Nia Newcomer");
		assertThat(this.jdbc
			.sql("select count(*) from outbox_event where routing_key = 'user.registered' "
					+ "and envelope::text like :id")
			.param("id", "%" + me.get("id").asString() + "%")
			.query(Long.class)
			.single()).as("UserRegistered is published through the outbox").isEqualTo(1);

		JsonNode again = tokens.signIn(new FormBrowser(base()), throughProvider(name, "nia's long password"));
		assertThat(decode(again.get("access_token").asString()).getSubject())
			.as("the second sign-in finds the linked account")
			.isEqualTo(jwt.getSubject());
	}

	@Test
	void aVerifiedEmailLinksTheExistingAccount() throws Exception {
		String name = "ola" + Accounts.suffix();
		UUID local = UUID.randomUUID();
		ExternalProvider.insertAccount(this.jdbc, local, name + "@example.test", name + "-here", "Ola Here",
				hash("ola's local password"));
		ExternalProvider.get().createAccount(name + "@Example.test", name, "Ola There", "ola's remote password");

		JsonNode signedIn = oidc().signIn(new FormBrowser(base()), throughProvider(name, "ola's remote password"));

		assertThat(decode(signedIn.get("access_token").asString()).getSubject()).isEqualTo(local.toString());
		assertThat(this.jdbc.sql("select user_id from federated_identities where provider = 'external'")
			.query(UUID.class)
			.list()).contains(local);
	}

	@Test
	void anUnverifiedEmailNeverLinksAnExistingAccount() {
		String name = "pat" + Accounts.suffix();
		UUID local = UUID.randomUUID();
		ExternalProvider.insertAccount(this.jdbc, local, name + "@example.test", name, "Pat",
				hash("pat's local password"));
		ExternalProvider.get()
			.createAccount(name + "@example.test", ExternalProvider.UNVERIFIED_PREFIX + name, "Not Pat",
					"a stranger's password");
		FormBrowser browser = new FormBrowser(base());
		browser.get(base() + "/oauth2/authorize?response_type=code&client_id=authorworks-web&scope=openid");

		HttpResponse<String> end = throughProvider(ExternalProvider.UNVERIFIED_PREFIX + name, "a stranger's password")
			.apply(browser);

		assertThat(end.statusCode()).isEqualTo(200);
		assertThat(end.uri().toString()).endsWith("/login?error=federation-unverified");
		assertThat(end.body()).contains("role=\"alert\"").contains("has not verified your email address");
		assertThat(this.jdbc.sql("select count(*) from federated_identities where user_id = :id")
			.param("id", local)
			.query(Long.class)
			.single()).isZero();
		HttpResponse<String> stillSignedOut = browser.get(base() + "/login/two-factor");
		assertThat(stillSignedOut.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void theSecondFactorIsStillRequiredAfterTheProvider() throws Exception {
		String name = "quin" + Accounts.suffix();
		UUID local = UUID.randomUUID();
		ExternalProvider.insertAccount(this.jdbc, local, name + "@example.test", name, "Quin",
				hash("quin's local password"));
		OidcTestClient tokens = oidc();
		String token = tokens.signIn(new FormBrowser(base()), name, "quin's local password")
			.get("access_token")
			.asString();
		String secret = OidcTestClient.json(tokens.api("POST", "/users/me/two-factor", token, null).body())
			.get("secret")
			.asString();
		assertThat(tokens
			.api("POST", "/users/me/two-factor/confirm", token,
					"{\"code\":\"" + TotpAccess.code(secret, Instant.now().minusSeconds(30)) + "\"}")
			.statusCode()).isEqualTo(200);
		ExternalProvider.get().createAccount(name + "@example.test", name, "Quin", "quin's remote password");

		JsonNode signedIn = tokens.signIn(new FormBrowser(base()), (browser) -> {
			HttpResponse<String> back = throughProvider(name, "quin's remote password").apply(browser);
			assertThat(back.uri().getPath()).isEqualTo("/login/two-factor");
			return browser.submit("/login/two-factor", "/login/two-factor",
					Map.of("code", TotpAccess.code(secret, Instant.now())));
		});

		assertThat(decode(signedIn.get("access_token").asString()).getSubject()).isEqualTo(local.toString());
	}

	/**
	 * What a person does on the sign-in page: picks the provider, signs in there, and is
	 * sent back.
	 */
	java.util.function.Function<FormBrowser, HttpResponse<String>> throughProvider(String login, String password) {
		return (browser) -> {
			HttpResponse<String> toProvider = browser.get("/oauth2/authorization/external");
			assertThat(toProvider.headers().firstValue("Location").orElse(""))
				.startsWith(ExternalProvider.get().issuer() + "/oauth2/authorize");
			HttpResponse<String> providerLogin = browser.followAcrossLoopback(toProvider);
			assertThat(providerLogin.uri().toString()).isEqualTo(ExternalProvider.get().issuer() + "/login");
			HttpResponse<String> afterLogin = browser.submit(ExternalProvider.get().issuer() + "/login",
					ExternalProvider.get().issuer() + "/login", Map.of("login", login, "password", password));
			return browser.followAcrossLoopback(afterLogin);
		};
	}

	private Jwt decode(String token) {
		return PublishedKeys.decode(base(), token);
	}

	private String hash(String password) {
		return Objects.requireNonNull(this.passwords.encode(password));
	}

}
