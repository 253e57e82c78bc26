package io.authorworks.users;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.OidcTestClient;
import io.authorworks.users.Accounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys against the real PostgreSQL and Redis-backed sessions, with real WebAuthn
 * ceremonies from a software authenticator: the options endpoints, registering, signing
 * in with a passkey and no password or code, who may not sign in, and who may remove
 * which passkey.
 */
@IntegrationTest(properties = { "SIGNING_KEY_PASSWORD=integration-test-signing-password",
		"GATEWAY_CLIENT_SECRET=integration-test-gateway-secret", "LOG_FORMAT=text" })
class PasskeyIntegrationTests {

	/** The public origin the browser sees (the default PUBLIC_URL). */
	static final String ORIGIN = "http://localhost:8080";

	@RegisterExtension
	static final Mailbox mail = new Mailbox();

	@LocalServerPort
	int port;

	final Accounts accounts = new Accounts(mail, this::base);

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mail.register(registry);
	}

	@Test
	void optionsNameThePublicOriginAndRequireUserVerification() {
		FormBrowser anonymous = browser();
		HttpResponse<String> request = anonymous.script("POST", "/webauthn/authenticate/options", csrf(anonymous),
				null);
		assertThat(request.statusCode()).isEqualTo(200);
		JsonNode requestOptions = OidcTestClient.json(request.body());
		assertThat(requestOptions.get("rpId").asString()).isEqualTo("localhost");
		assertThat(requestOptions.get("userVerification").asString()).isEqualTo("required");
		assertThat(requestOptions.get("challenge").asString()).hasSizeGreaterThanOrEqualTo(22);
		assertThat(requestOptions.get("allowCredentials")).as("anyone's passkey may answer").isEmpty();

		assertThat(anonymous.script("POST", "/webauthn/authenticate/options", Map.of(), null).statusCode())
			.as("without the CSRF header")
			.isEqualTo(403);
		assertThat(anonymous.script("POST", "/webauthn/register/options", csrf(anonymous), null).statusCode())
			.as("registering needs a signed-in person")
			.isEqualTo(400);

		Account ada = this.accounts.signUpAndVerify("ada");
		FormBrowser signedIn = signedIn(ada);
		HttpResponse<String> creation = signedIn.script("POST", "/webauthn/register/options", csrf(signedIn), null);
		assertThat(creation.statusCode()).isEqualTo(200);
		JsonNode creationOptions = OidcTestClient.json(creation.body());
		assertThat(creationOptions.get("rp").get("id").asString()).isEqualTo("localhost");
		assertThat(creationOptions.get("rp").get("name").asString()).isEqualTo("AuthorWorks");
		assertThat(creationOptions.get("user").get("name").asString()).as("what the authenticator shows")
			.isEqualTo(ada.email());
		assertThat(creationOptions.get("user").get("displayName").asString()).isEqualTo("ADA");
		assertThat(creationOptions.get("authenticatorSelection").get("userVerification").asString())
			.isEqualTo("required");
		assertThat(creationOptions.get("authenticatorSelection").get("residentKey").asString()).isEqualTo("required");
		assertThat(creationOptions.get("challenge").asString()).hasSizeGreaterThanOrEqualTo(22);
	}

	@Test
	void aPasskeySignsInWithoutPasswordOrSecondFactor() throws Exception {
		Account bea = this.accounts.signUpAndVerify("bea");
		FormBrowser settings = signedIn(bea);
		SoftwareAuthenticator laptop = new SoftwareAuthenticator(ORIGIN);

		HttpResponse<String> unnamed = register(settings, laptop, "  ");
		assertThat(unnamed.statusCode()).isEqualTo(422);
		assertThat(OidcTestClient.json(unnamed.body()).get("violations").get(0).get("field").asString())
			.isEqualTo("label");
		HttpResponse<String> phished = register(settings, new SoftwareAuthenticator("http://authorworks.example"),
				"Phished");
		assertThat(phished.statusCode()).as("a ceremony from another origin").isEqualTo(400);
		assertThat(OidcTestClient.json(phished.body()).get("type").asString()).endsWith("/passkey-not-registered");

		HttpResponse<String> registered = register(settings, laptop, "Work laptop");
		assertThat(registered.statusCode()).isEqualTo(200);
		assertThat(OidcTestClient.json(registered.body()).get("success").asBoolean()).isTrue();
		HttpResponse<String> again = register(settings, laptop, "Same laptop");
		assertThat(again.statusCode()).as("the same passkey twice").isEqualTo(400);
		HttpResponse<String> page = settings.get("/account/passkeys");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Work laptop").contains("not used yet").doesNotContain("Phished");

		// With two-step sign-in on, the passkey still signs in completely: no code is
		// asked for, and the tokens name the account.
		this.jdbc.sql("update users set totp_secret = 'sealed', totp_enabled_at = now() where email = :email")
			.param("email", bea.email())
			.update();
		FormBrowser viaPasskey = browser();
		JsonNode tokens = this.accounts.oidc().signIn(viaPasskey, (pages) -> signInWithPasskey(pages, laptop));
		Jwt jwt = PublishedKeys.decode(base(), tokens.get("access_token").asString());
		assertThat(jwt.getSubject()).isEqualTo(accountId(bea).toString());
		assertThat(this.accounts.oidc().refresh(tokens.get("refresh_token").asString()).status())
			.as("the stored passkey sign-in reads back for refresh")
			.isEqualTo(200);
		assertThat(viaPasskey.get("/account/passkeys").body()).as("a passkey session manages passkeys")
			.contains("last used")
			.doesNotContain("not used yet");
		assertThat(settings.get("/account/passkeys").statusCode())
			.as("a password session, now that the account asks for a code")
			.isEqualTo(403);

		// A password alone (second step pending) may not add a passkey, which would skip
		// the code from then on.
		FormBrowser halfway = browser();
		HttpResponse<String> afterPassword = halfway.submit("/login", "/login",
				Map.of("login", bea.username(), "password", bea.password()));
		assertThat(afterPassword.headers().firstValue("Location").orElse("")).endsWith("/login/two-factor");
		HttpResponse<String> sneaky = register(halfway, new SoftwareAuthenticator(ORIGIN), "Thief's phone");
		assertThat(sneaky.statusCode()).isNotEqualTo(200);
		assertThat(halfway.get("/account/passkeys").statusCode()).isNotEqualTo(200);
		assertThat(passkeysOf(bea)).isEqualTo(1);
	}

	@Test
	void suspendedUnverifiedAndUnknownPasskeysAreRefused() {
		Account cal = this.accounts.signUpAndVerify("cal");
		SoftwareAuthenticator key = new SoftwareAuthenticator(ORIGIN);
		assertThat(register(signedIn(cal), key, "Security key").statusCode()).isEqualTo(200);

		HttpResponse<String> stranger = passkeySignIn(browser(), new SoftwareAuthenticator(ORIGIN));
		assertThat(stranger.statusCode()).isEqualTo(401);
		assertThat(OidcTestClient.json(stranger.body()).get("type").asString()).endsWith("/passkey-not-accepted");

		this.jdbc.sql("update users set status = 'suspended' where email = :email")
			.param("email", cal.email())
			.update();
		FormBrowser suspended = browser();
		HttpResponse<String> refused = passkeySignIn(suspended, key);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(OidcTestClient.json(refused.body()).get("type").asString()).endsWith("/account-suspended");
		assertThat(suspended.get("/account/passkeys").statusCode()).as("not signed in").isEqualTo(302);

		this.jdbc.sql("update users set status = 'active', email_verified_at = null where email = :email")
			.param("email", cal.email())
			.update();
		HttpResponse<String> unverified = passkeySignIn(browser(), key);
		assertThat(unverified.statusCode()).isEqualTo(403);
		assertThat(OidcTestClient.json(unverified.body()).get("type").asString()).endsWith("/email-unverified");

		this.jdbc
			.sql("update users set email_verified_at = now(), failed_sign_ins = 5, "
					+ "locked_until = now() + interval '10 minutes' where email = :email")
			.param("email", cal.email())
			.update();
		assertThat(passkeySignIn(browser(), key).statusCode()).as("a lock against password guessing").isEqualTo(200);
	}

	@Test
	void onlyTheOwnerRemovesAPasskey() {
		Account dot = this.accounts.signUpAndVerify("dot");
		Account eli = this.accounts.signUpAndVerify("eli");
		FormBrowser dots = signedIn(dot);
		FormBrowser elis = signedIn(eli);
		SoftwareAuthenticator dotsKey = new SoftwareAuthenticator(ORIGIN);
		SoftwareAuthenticator elisKey = new SoftwareAuthenticator(ORIGIN);
		assertThat(register(dots, dotsKey, "Phone").statusCode()).isEqualTo(200);
		assertThat(register(elis, elisKey, "Tablet").statusCode()).isEqualTo(200);

		HttpResponse<String> notEls = elis.script("DELETE", "/account/passkeys/" + dotsKey.id(), csrf(elis), null);
		assertThat(notEls.statusCode()).isEqualTo(404);
		assertThat(notEls.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
		assertThat(elis.script("DELETE", "/webauthn/register/" + dotsKey.id(), csrf(elis), null).statusCode())
			.as("Spring Security's own removal is closed")
			.isEqualTo(403);
		assertThat(dots.script("DELETE", "/webauthn/register/" + dotsKey.id(), csrf(dots), null).statusCode())
			.isEqualTo(403);
		assertThat(elis.script("DELETE", "/account/passkeys/not-base64!", csrf(elis), null).statusCode())
			.isEqualTo(404);
		assertThat(passkeysOf(dot)).isEqualTo(1);
		assertThat(dots.get("/account/passkeys").body()).contains("Phone").doesNotContain("Tablet");

		assertThat(dots.script("DELETE", "/account/passkeys/" + dotsKey.id(), csrf(dots), null).statusCode())
			.isEqualTo(204);
		assertThat(passkeysOf(dot)).isZero();
		assertThat(passkeysOf(eli)).isEqualTo(1);
		assertThat(dots.script("DELETE", "/account/passkeys/" + dotsKey.id(), csrf(dots), null).statusCode())
			.isEqualTo(404);
		assertThat(passkeySignIn(browser(), dotsKey).statusCode()).as("a removed passkey signs nobody in")
			.isEqualTo(401);
		assertThat(browser().script("DELETE", "/account/passkeys/" + elisKey.id(), Map.of(), null).statusCode())
			.isEqualTo(403);
	}

	/**
	 * Passkeys are managed on the sign-in session, which the browser also sends (through
	 * the gateway) with every API call; those calls must leave it alone.
	 */
	@Test
	void apiCallsLeaveTheSignInSessionAlone() throws Exception {
		Account fin = this.accounts.signUpAndVerify("fin");
		String[] session = new String[1];
		String token = this.accounts.oidc().signIn(browser(), (pages) -> {
			HttpResponse<String> signedIn = pages.submit("/login", "/login",
					Map.of("login", fin.email(), "password", fin.password()));
			session[0] = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
			return signedIn;
		}).get("access_token").asString();
		HttpClient http = HttpClient.newHttpClient();
		for (int call = 0; call < 2; call++) {
			HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base() + "/users/me/preferences"))
				.header("Authorization", "Bearer " + token)
				.header("Cookie", session[0])
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(api.statusCode()).isEqualTo(200);
			assertThat(api.headers().firstValue("Set-Cookie")).as("the session keeps its id").isEmpty();
		}
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/account/passkeys"))
			.header("Cookie", session[0])
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).as("still signed in").isEqualTo(200);
	}

	@Test
	void theSignInPageOffersAPasskeyWithoutInlineScript() {
		HttpResponse<String> page = browser().get("/login");
		assertThat(page.body()).contains("id=\"passkey-sign-in\"")
			.contains("<script src=\"/auth-assets/passkeys.js\" defer></script>")
			.doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
		HttpResponse<String> script = browser().get("/auth-assets/passkeys.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("/login/webauthn");
	}

	HttpResponse<String> register(FormBrowser browser, SoftwareAuthenticator authenticator, String label) {
		Map<String, String> csrf = csrf(browser);
		HttpResponse<String> options = browser.script("POST", "/webauthn/register/options", csrf, null);
		if (options.statusCode() != 200) {
			return options;
		}
		return browser.script("POST", "/webauthn/register", csrf,
				authenticator.register(OidcTestClient.json(options.body()), label));
	}

	HttpResponse<String> passkeySignIn(FormBrowser browser, SoftwareAuthenticator authenticator) {
		Map<String, String> csrf = csrf(browser);
		HttpResponse<String> options = browser.script("POST", "/webauthn/authenticate/options", csrf, null);
		assertThat(options.statusCode()).isEqualTo(200);
		return browser.script("POST", "/login/webauthn", csrf,
				authenticator.assertion(OidcTestClient.json(options.body())));
	}

	/**
	 * The sign-in page's passkey button, then the page's redirect to where the sign-in
	 * was asked for.
	 */
	HttpResponse<String> signInWithPasskey(FormBrowser browser, SoftwareAuthenticator authenticator) {
		HttpResponse<String> result = passkeySignIn(browser, authenticator);
		assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
		JsonNode body = OidcTestClient.json(result.body());
		assertThat(body.get("authenticated").asBoolean()).isTrue();
		return browser.get(body.get("redirectUrl").asString());
	}

	Map<String, String> csrf(FormBrowser browser) {
		return Map.of("X-CSRF-TOKEN", browser.csrfToken("/login"));
	}

	FormBrowser signedIn(Account account) {
		FormBrowser browser = browser();
		HttpResponse<String> signedIn = browser.submit("/login", "/login",
				Map.of("login", account.username(), "password", account.password()));
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}

	FormBrowser browser() {
		return new FormBrowser(base());
	}

	UUID accountId(Account account) {
		return this.jdbc.sql("select id from users where email = :email")
			.param("email", account.email())
			.query(UUID.class)
			.single();
	}

	int passkeysOf(Account account) {
		return this.jdbc
			.sql("select count(*) from user_credentials c join user_entities e on e.id = c.user_entity_user_id "
					+ "where e.name = :account")
			.param("account", accountId(account).toString())
			.query(Integer.class)
			.single();
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
