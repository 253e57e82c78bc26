package io.authorworks.users;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.authorworks.platform.events.api.EventEnvelope;
import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.OidcTestClient;
import io.authorworks.users.Accounts.Account;
import io.authorworks.platform.web.security.AccessTokens;
import io.authorworks.contracts.users.UserProfileUpdated;
import io.authorworks.contracts.users.UserRegistered;
import io.authorworks.users.identity.SigningKeys;
import io.authorworks.users.identity.SigningKeysAccess;
import io.authorworks.users.twofactor.TotpAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The user-service as a client sees it, against the real PostgreSQL, Redis and RabbitMQ:
 * sign up, confirm the email from the mail, sign in with code + PKCE, rotate refresh
 * tokens (for the web app's confidential client and the CLI's public one), detect a
 * replay, client credentials, suspension, and the UserRegistered event.
 */
@IntegrationTest(properties = { "SIGNING_KEY_PASSWORD=integration-test-signing-password",
		"GATEWAY_CLIENT_SECRET=integration-test-gateway-secret",
		"SERVICE_CLIENTS=content-service:integration-test-content-secret:users.read",
		"ADMIN_EMAILS=root@example.test,keeper@example.test", "LOG_FORMAT=text", "REFRESH_TOKEN_REUSE_INTERVAL=2s" })
class IdentityIntegrationTests {

	@RegisterExtension
	static final Mailbox mail = new Mailbox();

	@LocalServerPort
	int port;

	final Accounts accounts = new Accounts(mail, this::base);

	@Autowired
	SigningKeys keys;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin amqp;

	@Autowired
	ObjectMapper mapper;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		mail.register(registry);
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	@Test
	void signUpVerifySignInAndReadTheProfile() throws Exception {
		String queue = "test.users.registered." + UUID.randomUUID();
		this.amqp.declareQueue(new Queue(queue, false, true, true));
		this.amqp.declareBinding(
				BindingBuilder.bind(new Queue(queue)).to(new TopicExchange("users.events")).with("user.registered"));

		Account ada = this.accounts.signUpAndVerify("ada");
		OidcTestClient tokens = this.accounts.oidc();
		JsonNode signedIn = tokens.signIn(new FormBrowser(base()), ada.email(), ada.password());
		String accessToken = signedIn.get("access_token").asString();
		assertThat(signedIn.get("id_token")).isNotNull();
		assertThat(signedIn.get("refresh_token")).isNotNull();
		assertThat(signedIn.get("expires_in").asInt()).isLessThanOrEqualTo(15 * 60);

		HttpResponse<String> me = tokens.api("GET", "/users/me", accessToken, null);
		assertThat(me.statusCode()).isEqualTo(200);
		JsonNode body = OidcTestClient.json(me.body());
		assertThat(body.get("username").asString()).isEqualTo(ada.username());
		assertThat(body.get("emailVerified").asBoolean()).isTrue();
		assertThat(me.headers().firstValue("ETag")).isPresent();

		Jwt jwt = decodeWithPublishedKeys(accessToken);
		assertThat(jwt.getSubject()).isEqualTo(body.get("id").asString());
		assertThat(jwt.getClaimAsStringList("roles")).containsExactlyInAnyOrder("reader", "author");
		assertThat(jwt.getIssuer().toString()).isEqualTo("http://localhost:8080");

		Message event = this.rabbit.receive(queue, 10_000);
		assertThat(event).as("UserRegistered on users.events").isNotNull();
		EventEnvelope envelope = this.mapper.readValue(event.getBody(), EventEnvelope.class);
		assertThat(envelope.type()).isEqualTo(UserRegistered.TYPE);
		UserRegistered registered = envelope.dataAs(this.mapper, UserRegistered.class);
		assertThat(registered.username()).isEqualTo(ada.username());
		this.amqp.deleteQueue(queue);
	}

	@Test
	void refreshRotatesAndAReplayRevokesTheFamily() throws Exception {
		Account bob = this.accounts.signUpAndVerify("bob");
		OidcTestClient tokens = this.accounts.oidc();
		JsonNode first = tokens.signIn(new FormBrowser(base()), bob.username(), bob.password());
		String original = first.get("refresh_token").asString();

		OidcTestClient.Response rotated = tokens.refresh(original);
		assertThat(rotated.status()).isEqualTo(200);
		String second = rotated.body().get("refresh_token").asString();
		assertThat(second).isNotEqualTo(original);

		OidcTestClient.Response retry = tokens.refresh(original);
		assertThat(retry.status()).as("a retry within the reuse interval is refused").isEqualTo(400);
		assertThat(retry.body().get("error").asString()).isEqualTo("invalid_grant");
		OidcTestClient.Response third = tokens.refresh(second);
		assertThat(third.status()).as("but the family lives on").isEqualTo(200);
		String latestAccess = third.body().get("access_token").asString();
		assertThat(tokens.api("GET", "/users/me", latestAccess, null).statusCode()).isEqualTo(200);

		Thread.sleep(2_200);
		OidcTestClient.Response replay = tokens.refresh(second);
		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.body().get("error").asString()).isEqualTo("invalid_grant");

		OidcTestClient.Response afterReplay = tokens.refresh(third.body().get("refresh_token").asString());
		assertThat(afterReplay.status()).as("the whole family is revoked").isEqualTo(400);
		assertThat(tokens.api("GET", "/users/me", latestAccess, null).statusCode())
			.as("and its access tokens stop at once")
			.isEqualTo(401);
	}

	@Test
	void anOlderReplayRevokesTheFamilyEvenWithinTheReuseInterval() throws Exception {
		Account bo = this.accounts.signUpAndVerify("bo");
		OidcTestClient tokens = this.accounts.oidc();
		String original = tokens.signIn(new FormBrowser(base()), bo.username(), bo.password())
			.get("refresh_token")
			.asString();
		String second = tokens.refresh(original).body().get("refresh_token").asString();
		String third = tokens.refresh(second).body().get("refresh_token").asString();

		assertThat(tokens.refresh(original).status()).isEqualTo(400);
		assertThat(tokens.refresh(third).status()).as("only the token replaced last may come back").isEqualTo(400);
	}

	/** The CLI and scripts: a public client, with no secret to show. */
	OidcTestClient cli() {
		return OidcTestClient.publicClient(base(), "authorworks-cli", "http://127.0.0.1/callback");
	}

	@Test
	void theCliRefreshesWithItsClientIdAloneAndAReplayRevokesTheFamily() throws Exception {
		Account cal = this.accounts.signUpAndVerify("cal");
		OidcTestClient cli = cli();
		JsonNode signedIn = cli.signIn(new FormBrowser(base()), cal.email(), cal.password());
		assertThat(signedIn.get("refresh_token")).as("the CLI gets a refresh token at sign-in").isNotNull();
		String original = signedIn.get("refresh_token").asString();
		assertThat(decodeWithPublishedKeys(signedIn.get("access_token").asString()).getClaimAsString("client_id"))
			.isEqualTo("authorworks-cli");

		OidcTestClient.Response rotated = cli.refresh(original);
		assertThat(rotated.status()).isEqualTo(200);
		String second = rotated.body().get("refresh_token").asString();
		assertThat(second).isNotEqualTo(original);
		assertThat(cli.api("GET", "/users/me", rotated.body().get("access_token").asString(), null).statusCode())
			.isEqualTo(200);

		OidcTestClient.Response retry = cli.refresh(original);
		assertThat(retry.status()).as("a retry within the reuse interval is refused").isEqualTo(400);
		assertThat(retry.body().get("error").asString()).isEqualTo("invalid_grant");
		OidcTestClient.Response third = cli.refresh(second);
		assertThat(third.status()).as("but the family lives on").isEqualTo(200);
		String latestAccess = third.body().get("access_token").asString();

		Thread.sleep(2_200);
		OidcTestClient.Response replay = cli.refresh(second);
		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.body().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(cli.refresh(third.body().get("refresh_token").asString()).status()).as("the whole family is revoked")
			.isEqualTo(400);
		assertThat(cli.api("GET", "/users/me", latestAccess, null).statusCode())
			.as("and its access tokens stop at once")
			.isEqualTo(401);
	}

	@Test
	void anOlderCliReplayRevokesTheFamilyEvenWithinTheReuseInterval() throws Exception {
		Account cid = this.accounts.signUpAndVerify("cid");
		OidcTestClient cli = cli();
		String original = cli.signIn(new FormBrowser(base()), cid.email(), cid.password())
			.get("refresh_token")
			.asString();
		String second = cli.refresh(original).body().get("refresh_token").asString();
		String third = cli.refresh(second).body().get("refresh_token").asString();

		assertThat(cli.refresh(original).status()).isEqualTo(400);
		assertThat(cli.refresh(third).status()).as("only the token replaced last may come back").isEqualTo(400);
	}

	@Test
	void onlyThePublicClientRefreshesWithoutASecretAndOnlyItsOwnTokens() throws Exception {
		Account dot = this.accounts.signUpAndVerify("dot");
		OidcTestClient web = this.accounts.oidc();
		String webToken = web.signIn(new FormBrowser(base()), dot.email(), dot.password())
			.get("refresh_token")
			.asString();
		String cliToken = cli().signIn(new FormBrowser(base()), dot.email(), dot.password())
			.get("refresh_token")
			.asString();

		OidcTestClient.Response noSecret = web.token(
				Map.of("grant_type", "refresh_token", "refresh_token", webToken, "client_id", "authorworks-web"), null);
		assertThat(noSecret.status()).as("a confidential client must show its secret").isEqualTo(401);
		assertThat(noSecret.body().get("error").asString()).isEqualTo("invalid_client");
		OidcTestClient.Response withSecret = web.refresh(webToken);
		assertThat(withSecret.status()).isEqualTo(200);

		OidcTestClient.Response unknown = web.token(
				Map.of("grant_type", "refresh_token", "refresh_token", cliToken, "client_id", "authorworks-nobody"),
				null);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.body().get("error").asString()).isEqualTo("invalid_client");

		OidcTestClient.Response otherClient = web.refresh(cliToken);
		assertThat(otherClient.status()).as("the CLI's token redeems for the CLI only").isEqualTo(400);
		assertThat(otherClient.body().get("error").asString()).isEqualTo("invalid_grant");
		OidcTestClient.Response webTokenAtCli = cli().refresh(withSecret.body().get("refresh_token").asString());
		assertThat(webTokenAtCli.status()).isEqualTo(400);
		assertThat(webTokenAtCli.body().get("error").asString()).isEqualTo("invalid_grant");
		OidcTestClient.Response madeUp = cli().refresh("not-a-refresh-token-we-issued");
		assertThat(madeUp.status()).isEqualTo(400);
		assertThat(madeUp.body().get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void idTokensAreNotAccessTokens() throws Exception {
		Account ida = this.accounts.signUpAndVerify("ida");
		OidcTestClient tokens = this.accounts.oidc();
		JsonNode signedIn = tokens.signIn(new FormBrowser(base()), ida.email(), ida.password());
		String idToken = signedIn.get("id_token").asString();
		String accessToken = signedIn.get("access_token").asString();

		HttpResponse<String> withIdToken = tokens.api("GET", "/users/me", idToken, null);
		assertThat(withIdToken.statusCode()).isEqualTo(401);
		assertThat(tokens.api("PATCH", "/users/me", idToken, "{\"displayName\":\"Mallory\"}").statusCode())
			.isEqualTo(401);
		assertThat(tokens.api("GET", "/users/me", accessToken, null).statusCode()).isEqualTo(200);

		Jwt access = decodeWithPublishedKeys(accessToken);
		assertThat(access.getHeaders()).containsEntry("typ", "at+jwt");
		assertThat(access.getAudience()).containsExactly("authorworks-api");
		assertThat(access.getClaimAsString("client_id")).isEqualTo("authorworks-web");
		assertThat(access.getClaimAsString("sid")).isNotBlank();
	}

	@Test
	void changingThePasswordEndsEveryOtherSignIn() throws Exception {
		Account pat = this.accounts.signUpAndVerify("pat");
		OidcTestClient tokens = this.accounts.oidc();
		JsonNode laptop = tokens.signIn(new FormBrowser(base()), pat.email(), pat.password());
		FormBrowser phoneBrowser = new FormBrowser(base());
		JsonNode phone = tokens.signIn(phoneBrowser, pat.username(), pat.password());
		String laptopAccess = laptop.get("access_token").asString();

		HttpResponse<String> wrong = tokens.api("POST", "/users/me/password", laptopAccess,
				"{\"currentPassword\":\"not it at all\",\"newPassword\":\"a new and longer secret\"}");
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(wrong.body()).contains("currentPassword");
		assertThat(tokens.api("GET", "/users/me", phone.get("access_token").asString(), null).statusCode())
			.as("a refused change ends nothing")
			.isEqualTo(200);

		HttpResponse<String> changed = tokens.api("POST", "/users/me/password", laptopAccess,
				"{\"currentPassword\":\"" + pat.password() + "\",\"newPassword\":\"a new and longer secret\"}");
		assertThat(changed.statusCode()).isEqualTo(204);

		assertThat(tokens.api("GET", "/users/me", laptopAccess, null).statusCode()).as("this sign-in stays")
			.isEqualTo(200);
		assertThat(tokens.refresh(laptop.get("refresh_token").asString()).status()).isEqualTo(200);
		assertThat(tokens.api("GET", "/users/me", phone.get("access_token").asString(), null).statusCode())
			.as("the other device's access token stops at once")
			.isEqualTo(401);
		assertThat(tokens.refresh(phone.get("refresh_token").asString()).status()).isEqualTo(400);
		assertThat(phoneBrowser.get(authorizeUrl()).headers().firstValue("Location").orElse(""))
			.as("and its sign-in page session is gone: no silent sign-in")
			.endsWith("/login");
	}

	@Test
	void aPasswordResetEndsEverySignIn() throws Exception {
		Account rex = this.accounts.signUpAndVerify("rex");
		OidcTestClient tokens = this.accounts.oidc();
		JsonNode signedIn = tokens.signIn(new FormBrowser(base()), rex.email(), rex.password());

		FormBrowser browser = new FormBrowser(base());
		browser.submit("/password-reset", "/password-reset", Map.of("email", rex.email()));
		String token = mail.tokenFromMail(rex.email(), "Reset your AuthorWorks password");
		browser.submit("/password-reset/confirm?token=" + token, "/password-reset/confirm",
				Map.of("token", token, "password", "another fine passphrase"));

		assertThat(tokens.api("GET", "/users/me", signedIn.get("access_token").asString(), null).statusCode())
			.isEqualTo(401);
		assertThat(tokens.refresh(signedIn.get("refresh_token").asString()).status()).isEqualTo(400);
	}

	@Test
	void tokensSignedBeforeARestartStillValidate() throws Exception {
		Account cy = this.accounts.signUpAndVerify("cy");
		JsonNode signedIn = this.accounts.oidc().signIn(new FormBrowser(base()), cy.email(), cy.password());
		String accessToken = signedIn.get("access_token").asString();
		// A new instance reads the keys from the database, as it would after a restart.
		SigningKeys afterRestart = SigningKeysAccess.create(jdbc(), transactions(), properties());
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(afterRestart)
			.jwtProcessorCustomizer(AccessTokens.typeCheck())
			.build();
		decoder.setJwtValidator(AccessTokens.validator("http://localhost:8080"));
		assertThat(decoder.decode(accessToken).getClaimAsString("preferred_username")).isEqualTo(cy.username());
	}

	@Test
	void clientCredentialsReachInternalEndpointsButNotUserOnes() throws Exception {
		Account dee = this.accounts.signUpAndVerify("dee");
		OidcTestClient tokens = this.accounts.oidc();
		OidcTestClient.Response service = tokens.clientCredentials("content-service", "integration-test-content-secret",
				"users.read");
		assertThat(service.status()).isEqualTo(200);
		String serviceToken = service.body().get("access_token").asString();
		String userId = OidcTestClient
			.json(tokens.api("GET", "/users/me",
					tokens.signIn(new FormBrowser(base()), dee.email(), dee.password()).get("access_token").asString(),
					null)
				.body())
			.get("id")
			.asString();

		HttpResponse<String> internal = tokens.api("GET", "/internal/users/" + userId, serviceToken, null);
		assertThat(internal.statusCode()).isEqualTo(200);
		assertThat(OidcTestClient.json(internal.body()).get("username").asString()).isEqualTo(dee.username());

		HttpResponse<String> me = tokens.api("GET", "/users/me", serviceToken, null);
		assertThat(me.statusCode()).isEqualTo(403);
		assertThat(me.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("problem+json"));

		OidcTestClient.Response wrongSecret = tokens.clientCredentials("content-service", "not-the-secret-at-all",
				"users.read");
		assertThat(wrongSecret.status()).isEqualTo(401);
	}

	@Test
	void suspendedAccountsLoseTheirRefreshTokensAndCannotSignIn() throws Exception {
		Account admin = this.accounts.signUpAndVerify("root", "root@example.test");
		Account eve = this.accounts.signUpAndVerify("eve");
		OidcTestClient tokens = this.accounts.oidc();
		String adminToken = tokens.signIn(new FormBrowser(base()), admin.email(), admin.password())
			.get("access_token")
			.asString();
		JsonNode eveTokens = tokens.signIn(new FormBrowser(base()), eve.email(), eve.password());
		String eveId = OidcTestClient
			.json(tokens.api("GET", "/users/me", eveTokens.get("access_token").asString(), null).body())
			.get("id")
			.asString();

		HttpResponse<String> forbidden = tokens.api("POST", "/admin/users/" + eveId + "/suspend",
				eveTokens.get("access_token").asString(), "{\"reason\":\"self\"}");
		assertThat(forbidden.statusCode()).isEqualTo(403);

		HttpResponse<String> suspended = tokens.api("POST", "/admin/users/" + eveId + "/suspend", adminToken,
				"{\"reason\":\"Spam\"}");
		assertThat(suspended.statusCode()).isEqualTo(200);
		assertThat(OidcTestClient.json(suspended.body()).get("status").asString()).isEqualTo("suspended");

		assertThat(tokens.refresh(eveTokens.get("refresh_token").asString()).status()).isEqualTo(400);
		HttpResponse<String> signIn = new FormBrowser(base()).submit("/login", "/login",
				Map.of("login", eve.email(), "password", eve.password()));
		assertThat(signIn.headers().firstValue("Location").orElse("")).contains("error=suspended");
	}

	@Test
	void adminsListAccountsChangeRolesAndRotateSigningKeysWithoutBreakingTokens() throws Exception {
		Account keeper = this.accounts.signUpAndVerify("keeper", "keeper@example.test");
		Account lin = this.accounts.signUpAndVerify("lin");
		OidcTestClient tokens = this.accounts.oidc();
		String adminToken = tokens.signIn(new FormBrowser(base()), keeper.email(), keeper.password())
			.get("access_token")
			.asString();
		JsonNode linTokens = tokens.signIn(new FormBrowser(base()), lin.email(), lin.password());
		String before = linTokens.get("access_token").asString();

		JsonNode page = OidcTestClient.json(tokens.api("GET", "/admin/users?limit=1&q=lin", adminToken, null).body());
		assertThat(page.get("items").get(0).get("username").asString()).isEqualTo(lin.username());
		String linId = page.get("items").get(0).get("id").asString();
		HttpResponse<String> all = tokens.api("GET", "/admin/users?limit=1", adminToken, null);
		String next = OidcTestClient.json(all.body()).get("nextCursor").asString();
		assertThat(tokens.api("GET", "/admin/users?limit=1&cursor=" + next, adminToken, null).statusCode())
			.isEqualTo(200);
		assertThat(tokens.api("GET", "/admin/users?cursor=not-ours", adminToken, null).statusCode()).isEqualTo(400);

		HttpResponse<String> roles = tokens.api("PUT", "/admin/users/" + linId + "/roles", adminToken,
				"{\"roles\": [\"reader\"]}");
		assertThat(roles.statusCode()).isEqualTo(200);
		assertThat(tokens.api("PUT", "/admin/users/" + linId + "/roles", adminToken, "{\"roles\": [\"emperor\"]}")
			.statusCode()).isEqualTo(422);

		String oldKid = com.nimbusds.jwt.SignedJWT.parse(before).getHeader().getKeyID();
		HttpResponse<String> rotated = tokens.api("POST", "/admin/signing-keys/rotate", adminToken, null);
		assertThat(rotated.statusCode()).isEqualTo(200);
		String newKid = OidcTestClient.json(rotated.body()).get("kid").asString();
		assertThat(newKid).isNotEqualTo(oldKid);

		OidcTestClient.Response refreshed = tokens.refresh(linTokens.get("refresh_token").asString());
		String after = refreshed.body().get("access_token").asString();
		com.nimbusds.jwt.SignedJWT fresh = com.nimbusds.jwt.SignedJWT.parse(after);
		assertThat(fresh.getHeader().getKeyID()).isEqualTo(newKid);
		assertThat(fresh.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("reader");
		// Both keys are published, so the token signed before the rotation still
		// validates.
		assertThat(decodeWithPublishedKeys(before).getSubject()).isEqualTo(linId);
		assertThat(decodeWithPublishedKeys(after).getSubject()).isEqualTo(linId);

		HttpResponse<String> revoked = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/oauth2/revoke"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization",
						"Basic " + java.util.Base64.getEncoder()
							.encodeToString("authorworks-web:integration-test-gateway-secret"
								.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
						"token=" + refreshed.body().get("refresh_token").asString() + "&token_type_hint=refresh_token"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(tokens.refresh(refreshed.body().get("refresh_token").asString()).status()).isEqualTo(400);
	}

	@Test
	void repeatedWrongPasswordsLockTheAccount() {
		Account fay = this.accounts.signUpAndVerify("fay");
		FormBrowser browser = new FormBrowser(base());
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = browser.submit("/login", "/login",
					Map.of("login", fay.username(), "password", "wrong-password-" + i));
			assertThat(wrong.headers().firstValue("Location").orElse("")).contains("error=credentials");
		}
		HttpResponse<String> locked = browser.submit("/login", "/login",
				Map.of("login", fay.username(), "password", fay.password()));
		assertThat(locked.headers().firstValue("Location").orElse("")).contains("error=locked");
	}

	@Test
	void unverifiedAccountsCannotSignInAndResetLinksWorkOnce() throws Exception {
		FormBrowser browser = new FormBrowser(base());
		String suffix = Accounts.suffix();
		String email = "gil" + suffix + "@example.test";
		browser.submit("/signup", "/signup", Map.of("email", email, "username", "gil" + suffix, "displayName", "Gil",
				"password", "correct horse battery"));
		HttpResponse<String> early = browser.submit("/login", "/login",
				Map.of("login", email, "password", "correct horse battery"));
		assertThat(early.headers().firstValue("Location").orElse("")).contains("error=unverified");

		browser.submit("/password-reset", "/password-reset", Map.of("email", email));
		String token = mail.tokenFromMail(email, "Reset your AuthorWorks password");
		HttpResponse<String> reset = browser.submit("/password-reset/confirm?token=" + token, "/password-reset/confirm",
				Map.of("token", token, "password", "a brand new passphrase"));
		assertThat(reset.body()).contains("Your password is changed");
		assertThat(browser.get("/password-reset/confirm?token=" + token).body()).contains("does not work any more");

		JsonNode signedIn = this.accounts.oidc().signIn(new FormBrowser(base()), email, "a brand new passphrase");
		assertThat(signedIn.get("access_token")).isNotNull();
	}

	@Test
	void badProfileInputIsAProblemAndChangesNothing() throws Exception {
		Account hal = this.accounts.signUpAndVerify("hal");
		OidcTestClient tokens = this.accounts.oidc();
		String token = tokens.signIn(new FormBrowser(base()), hal.email(), hal.password())
			.get("access_token")
			.asString();
		HttpResponse<String> malformed = tokens.api("PATCH", "/users/me", token, "{\"bio\": ");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(OidcTestClient.json(malformed.body()).get("type").asString()).endsWith("/malformed-body");
		HttpResponse<String> invalid = tokens.api("PATCH", "/users/me", token,
				"{\"bio\": \"new\", \"website\": \"javascript:alert(1)\"}");
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(OidcTestClient.json(invalid.body()).get("violations").get(0).get("field").asString())
			.isEqualTo("website");
		JsonNode me = OidcTestClient.json(tokens.api("GET", "/users/me", token, null).body());
		assertThat(me.get("profile").has("bio")).isFalse();

		HttpResponse<String> ok = tokens.api("PATCH", "/users/me", token, "{\"bio\": \"Writes sea stories.\"}");
		assertThat(ok.statusCode()).isEqualTo(200);
		String etag = ok.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> stale = tokens.api("PATCH", "/users/me", token, "{\"bio\": \"x\"}");
		assertThat(stale.statusCode()).isEqualTo(200);
		java.net.http.HttpRequest conditional = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(base() + "/users/me"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("If-Match", etag)
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"bio\": \"lost update\"}"))
			.build();
		HttpResponse<String> conflict = java.net.http.HttpClient.newHttpClient()
			.send(conditional, HttpResponse.BodyHandlers.ofString());
		assertThat(conflict.statusCode()).isEqualTo(412);
		assertThat(OidcTestClient.json(tokens.api("GET", "/users/me", token, null).body())
			.get("profile")
			.get("bio")
			.asString()).isEqualTo("x");

		HttpResponse<String> publicProfile = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(base() + "/users/by-username/" + hal.username()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(publicProfile.statusCode()).isEqualTo(200);
		assertThat(publicProfile.body()).doesNotContain(hal.email());
	}

	@Test
	void profileInputOfTheWrongShapeIsAProblemAndChangesNothing() throws Exception {
		Account kim = this.accounts.signUpAndVerify("kim");
		OidcTestClient tokens = this.accounts.oidc();
		String token = tokens.signIn(new FormBrowser(base()), kim.email(), kim.password())
			.get("access_token")
			.asString();
		assertThat(tokens.api("PATCH", "/users/me", token, "{\"bio\": \"Tides.\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> before = tokens.api("GET", "/users/me", token, null);
		String userId = OidcTestClient.json(before.body()).get("id").asString();
		long events = profileEvents(userId);

		// Issue #11 item 1: NUL (PostgreSQL refuses it in text) and other control
		// characters were a 500.
		assertProblem(tokens.api("PATCH", "/users/me", token, "{\"bio\": \"a\\u0000b\"}"), 422, "validation-failed",
				"bio");
		assertProblem(tokens.api("PATCH", "/users/me", token, "{\"location\": \"bell\\u0007\"}"), 422,
				"validation-failed", "location");
		assertProblem(
				tokens.api("PATCH", "/users/me", token, "{\"socialLinks\": {\"site\": \"https://a.test/\\u0000\"}}"),
				422, "validation-failed", "socialLinks.site");
		// Item 4: a lone surrogate was stored as '?', bytes that are not UTF-8 as U+FFFD.
		assertProblem(tokens.api("PATCH", "/users/me", token, "{\"displayName\": \"Kim \\ud800\"}"), 422,
				"validation-failed", "displayName");
		assertThat(patchBytes(token, new byte[] { '{', '"', 'b', 'i', 'o', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}' })
			.statusCode()).isEqualTo(400);
		// Item 3: wrong types, repeated keys and unknown fields were accepted.
		for (String body : new String[] { "{\"bio\": 123}", "{\"bio\": true}", "{\"bio\": \"a\", \"bio\": \"b\"}",
				"{\"socialLinks\": {\"site\": 1}}", "{\"nickname\": \"kimmy\"}" }) {
			HttpResponse<String> refused = tokens.api("PATCH", "/users/me", token, body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(OidcTestClient.json(refused.body()).get("type").asString()).endsWith("/malformed-body");
		}
		assertThat(OidcTestClient.json(tokens.api("PATCH", "/users/me", token, "{\"nickname\": \"kimmy\"}").body())
			.get("detail")
			.asString()).contains("'nickname'");

		HttpResponse<String> after = tokens.api("GET", "/users/me", token, null);
		assertThat(OidcTestClient.json(after.body())).isEqualTo(OidcTestClient.json(before.body()));
		assertThat(after.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
		assertThat(profileEvents(userId)).isEqualTo(events);
	}

	@Test
	void aPatchThatChangesNothingKeepsTheVersionAndAnnouncesNothing() throws Exception {
		Account lee = this.accounts.signUpAndVerify("lee");
		OidcTestClient tokens = this.accounts.oidc();
		String token = tokens.signIn(new FormBrowser(base()), lee.email(), lee.password())
			.get("access_token")
			.asString();
		HttpResponse<String> set = tokens.api("PATCH", "/users/me", token,
				"{\"bio\": \"Writes sea stories.\", \"socialLinks\": {\"site\": \"https://lee.test\"}}");
		assertThat(set.statusCode()).isEqualTo(200);
		JsonNode me = OidcTestClient.json(set.body());
		String userId = me.get("id").asString();
		long version = me.get("profile").get("version").asLong();
		long events = profileEvents(userId);

		for (String body : new String[] { "{}", "{\"bio\": \"Writes sea stories.\"}",
				"{\"bio\": \"  Writes sea stories. \"}",
				"{\"displayName\": \"LEE\", \"socialLinks\": {\"site\": \"https://lee.test\"}}" }) {
			HttpResponse<String> same = tokens.api("PATCH", "/users/me", token, body);
			assertThat(same.statusCode()).as(body).isEqualTo(200);
			assertThat(OidcTestClient.json(same.body()).get("profile").get("version").asLong()).as(body)
				.isEqualTo(version);
			assertThat(same.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
		}
		assertThat(profileEvents(userId)).as("no UserProfileUpdated for a change that changes nothing")
			.isEqualTo(events);

		HttpResponse<String> changed = tokens.api("PATCH", "/users/me", token, "{\"bio\": \"Writes river stories.\"}");
		assertThat(OidcTestClient.json(changed.body()).get("profile").get("version").asLong()).isEqualTo(version + 1);
		assertThat(profileEvents(userId)).isEqualTo(events + 1);
	}

	@Test
	void preferencesRefuseTextTheDatabaseCannotStoreAndChangeNothing() throws Exception {
		Account max = this.accounts.signUpAndVerify("max");
		OidcTestClient tokens = this.accounts.oidc();
		String token = tokens.signIn(new FormBrowser(base()), max.email(), max.password())
			.get("access_token")
			.asString();
		assertThat(tokens.api("PUT", "/users/me/preferences/editor.font", token, "\"serif\"").statusCode())
			.isEqualTo(200);
		String before = tokens.api("GET", "/users/me/preferences", token, null).body();

		// jsonb refuses \u0000 and the service answered 500 (issue #11 item 1).
		assertProblem(tokens.api("PUT", "/users/me/preferences/editor.font", token, "\"mono\\u0000\""), 422,
				"validation-failed", "body");
		assertProblem(tokens.api("PUT", "/users/me/preferences/editor.panel", token, "{\"side\\u0000\": \"left\"}"),
				422, "validation-failed", "body");
		assertProblem(tokens.api("PUT", "/users/me/preferences/editor.panel", token, "{\"side\": [\"\\udc00\"]}"), 422,
				"validation-failed", "side[0]");
		assertThat(tokens.api("PUT", "/users/me/preferences/editor.panel", token, "{\"a\": 1, \"a\": 2}").statusCode())
			.isEqualTo(400);

		assertThat(OidcTestClient.json(tokens.api("GET", "/users/me/preferences", token, null).body()))
			.isEqualTo(OidcTestClient.json(before));
	}

	private static void assertProblem(HttpResponse<String> response, int status, String slug, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = OidcTestClient.json(response.body());
		assertThat(problem.get("type").asString()).endsWith("/" + slug);
		assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo(field);
	}

	private HttpResponse<String> patchBytes(String token, byte[] body) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/users/me"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private long profileEvents(String userId) {
		return jdbc().sql("select count(*) from outbox_event where routing_key = :type and envelope::text like :id")
			.param("type", UserProfileUpdated.TYPE)
			.param("id", "%" + userId + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void signUpFormShowsFieldErrorsAndCreatesNothing() {
		FormBrowser browser = new FormBrowser(base());
		HttpResponse<String> response = browser.submit("/signup", "/signup",
				Map.of("email", "not-an-email", "username", "X", "displayName", "", "password", "short"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Enter a valid email address").contains("aria-invalid=\"true\"");
	}

	@Test
	void twoFactorSignInNeedsACodeBeforeAnyTokenIsIssued() throws Exception {
		Account ivy = this.accounts.signUpAndVerify("ivy");
		OidcTestClient tokens = this.accounts.oidc();
		String token = tokens.signIn(new FormBrowser(base()), ivy.email(), ivy.password())
			.get("access_token")
			.asString();
		assertThat(OidcTestClient.json(tokens.api("GET", "/users/me", token, null).body())
			.get("twoFactorEnabled")
			.asBoolean()).isFalse();

		HttpResponse<String> notStarted = tokens.api("POST", "/users/me/two-factor/confirm", token,
				"{\"code\":\"123456\"}");
		assertThat(notStarted.statusCode()).isEqualTo(409);
		assertThat(OidcTestClient.json(notStarted.body()).get("type").asString()).endsWith("/two-factor-not-enrolled");

		JsonNode enrollment = OidcTestClient.json(tokens.api("POST", "/users/me/two-factor", token, null).body());
		String secret = enrollment.get("secret").asString();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(enrollment.get("otpauthUri").asString()).isEqualTo("otpauth://totp/AuthorWorks:" + ivy.username()
				+ "?secret=" + secret + "&issuer=AuthorWorks&digits=6&period=30");

		HttpResponse<String> wrong = tokens.api("POST", "/users/me/two-factor/confirm", token,
				"{\"code\":\"" + wrongCode(secret) + "\"}");
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(OidcTestClient.json(wrong.body()).get("violations").get(0).get("field").asString())
			.isEqualTo("code");
		assertThat(OidcTestClient.json(tokens.api("GET", "/users/me", token, null).body())
			.get("twoFactorEnabled")
			.asBoolean()).as("a wrong code enables nothing").isFalse();

		// Each accepted code must come from a later time step than the last one, so the
		// test walks forward through the tolerated window: previous, current, next.
		HttpResponse<String> confirmed = tokens.api("POST", "/users/me/two-factor/confirm", token,
				"{\"code\":\"" + TotpAccess.code(secret, Instant.now().minusSeconds(30)) + "\"}");
		assertThat(confirmed.statusCode()).isEqualTo(200);
		List<String> recoveryCodes = new ArrayList<>();
		OidcTestClient.json(confirmed.body())
			.get("recoveryCodes")
			.forEach((code) -> recoveryCodes.add(code.asString()));
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
		assertThat(tokens.api("POST", "/users/me/two-factor", token, null).statusCode()).isEqualTo(409);
		assertThat(OidcTestClient.json(tokens.api("GET", "/users/me", token, null).body())
			.get("twoFactorEnabled")
			.asBoolean()).isTrue();

		// The password alone leads to the second step, and the authorization endpoint
		// keeps sending the half-signed-in session there: no code, no token.
		FormBrowser browser = new FormBrowser(base());
		HttpResponse<String> toLogin = browser.get(authorizeUrl());
		assertThat(toLogin.headers().firstValue("Location").orElse("")).endsWith("/login");
		HttpResponse<String> afterPassword = browser.submit("/login", "/login",
				Map.of("login", ivy.username(), "password", ivy.password()));
		assertThat(afterPassword.headers().firstValue("Location").orElse("")).endsWith("/login/two-factor");
		HttpResponse<String> again = browser.get(authorizeUrl());
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location").orElse("")).contains("/login/two-factor")
			.doesNotContain("code=");
		HttpResponse<String> page = browser.get("/login/two-factor");
		assertThat(page.body()).contains("autocomplete=\"one-time-code\"")
			.contains("inputmode=\"numeric\"")
			.contains("<label for=\"code\"");
		HttpResponse<String> wrongCode = browser.submit("/login/two-factor", "/login/two-factor",
				Map.of("code", wrongCode(secret)));
		assertThat(wrongCode.headers().firstValue("Location").orElse("")).endsWith("/login/two-factor?error=code");
		assertThat(browser.get("/login/two-factor?error=code").body()).contains("role=\"alert\"")
			.contains("That code is not right");

		String current = TotpAccess.code(secret, Instant.now());
		JsonNode signedIn = tokens.signIn(new FormBrowser(base()), ivy.email(), ivy.password(), () -> current);
		Jwt jwt = decodeWithPublishedKeys(signedIn.get("access_token").asString());
		assertThat(jwt.getSubject())
			.isEqualTo(OidcTestClient.json(tokens.api("GET", "/users/me", token, null).body()).get("id").asString());
		assertThat(signedIn.get("refresh_token")).isNotNull();
		assertThat(tokens.refresh(signedIn.get("refresh_token").asString()).status())
			.as("the stored two-factor authentication reads back for refresh")
			.isEqualTo(200);

		assertThatThrownBy(() -> tokens.signIn(new FormBrowser(base()), ivy.email(), ivy.password(), () -> current))
			.as("a time step that was used cannot be used again")
			.hasMessageContaining("That code is not right");

		String recovery = recoveryCodes.get(3);
		assertThat(tokens
			.signIn(new FormBrowser(base()), ivy.email(), ivy.password(), () -> recovery.toUpperCase(Locale.ROOT))
			.get("access_token")).isNotNull();
		assertThatThrownBy(() -> tokens.signIn(new FormBrowser(base()), ivy.email(), ivy.password(), () -> recovery))
			.as("a recovery code works once")
			.hasMessageContaining("That code is not right");

		HttpResponse<String> regenerated = tokens.api("POST", "/users/me/two-factor/recovery-codes", token,
				"{\"code\":\"" + recoveryCodes.get(4) + "\"}");
		assertThat(regenerated.statusCode()).isEqualTo(200);
		assertThat(OidcTestClient.json(regenerated.body()).get("recoveryCodes")).hasSize(10);
		HttpResponse<String> oldCode = tokens.api("DELETE", "/users/me/two-factor", token,
				"{\"code\":\"" + recoveryCodes.get(5) + "\"}");
		assertThat(oldCode.statusCode()).as("regenerating retires the old codes").isEqualTo(422);
		String fresh = OidcTestClient.json(regenerated.body()).get("recoveryCodes").get(0).asString();
		assertThat(tokens.api("DELETE", "/users/me/two-factor", token, "{\"code\":\"" + fresh + "\"}").statusCode())
			.isEqualTo(204);
		assertThat(OidcTestClient.json(tokens.api("GET", "/users/me", token, null).body())
			.get("twoFactorEnabled")
			.asBoolean()).isFalse();
		assertThat(tokens.api("DELETE", "/users/me/two-factor", token, "{\"code\":\"" + fresh + "\"}").statusCode())
			.isEqualTo(409);
		assertThat(tokens.signIn(new FormBrowser(base()), ivy.email(), ivy.password()).get("access_token")).isNotNull();
	}

	@Test
	void wrongSecondFactorCodesCountTowardTheLockout() throws Exception {
		Account jo = this.accounts.signUpAndVerify("jo");
		OidcTestClient tokens = this.accounts.oidc();
		String token = tokens.signIn(new FormBrowser(base()), jo.email(), jo.password()).get("access_token").asString();
		String secret = OidcTestClient.json(tokens.api("POST", "/users/me/two-factor", token, null).body())
			.get("secret")
			.asString();
		assertThat(tokens
			.api("POST", "/users/me/two-factor/confirm", token,
					"{\"code\":\"" + TotpAccess.code(secret, Instant.now()) + "\"}")
			.statusCode()).isEqualTo(200);

		FormBrowser browser = new FormBrowser(base());
		browser.get(authorizeUrl());
		browser.submit("/login", "/login", Map.of("login", jo.email(), "password", jo.password()));
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = browser.submit("/login/two-factor", "/login/two-factor",
					Map.of("code", wrongCode(secret)));
			assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login/two-factor?error=code");
		}
		HttpResponse<String> locked = browser.submit("/login/two-factor", "/login/two-factor",
				Map.of("code", TotpAccess.code(secret, Instant.now().plusSeconds(30))));
		assertThat(locked.headers().firstValue("Location").orElse("")).endsWith("/login?error=locked");
		HttpResponse<String> password = new FormBrowser(base()).submit("/login", "/login",
				Map.of("login", jo.email(), "password", jo.password()));
		assertThat(password.headers().firstValue("Location").orElse("")).contains("error=locked");
	}

	@Test
	void signingOutEverywhereEndsEverySignInAtOnce() throws Exception {
		Account kim = this.accounts.signUpAndVerify("kim");
		OidcTestClient tokens = this.accounts.oidc();
		JsonNode laptop = tokens.signIn(new FormBrowser(base()), kim.email(), kim.password());
		FormBrowser phoneBrowser = new FormBrowser(base());
		JsonNode phone = tokens.signIn(phoneBrowser, kim.username(), kim.password());
		Account other = this.accounts.signUpAndVerify("lee");
		JsonNode someoneElse = tokens.signIn(new FormBrowser(base()), other.email(), other.password());

		HttpResponse<String> revoked = tokens.api("POST", "/users/me/sessions/revoke",
				laptop.get("access_token").asString(), null);
		assertThat(revoked.statusCode()).isEqualTo(204);
		assertThat(tokens.refresh(laptop.get("refresh_token").asString()).status()).isEqualTo(400);
		assertThat(tokens.refresh(phone.get("refresh_token").asString()).status()).isEqualTo(400);
		assertThat(tokens.api("GET", "/users/me", laptop.get("access_token").asString(), null).statusCode())
			.as("the calling sign-in ends too")
			.isEqualTo(401);
		assertThat(tokens.api("GET", "/users/me", phone.get("access_token").asString(), null).statusCode())
			.isEqualTo(401);
		assertThat(phoneBrowser.get(authorizeUrl()).headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(tokens.refresh(someoneElse.get("refresh_token").asString()).status())
			.as("other people stay signed in")
			.isEqualTo(200);
		assertThat(tokens.api("GET", "/users/me", someoneElse.get("access_token").asString(), null).statusCode())
			.isEqualTo(200);
	}

	/** A six-digit code the app does not show anywhere near now. */
	static String wrongCode(String secret) {
		Instant now = Instant.now();
		Set<String> near = new HashSet<>();
		for (int step = -3; step <= 3; step++) {
			near.add(TotpAccess.code(secret, now.plusSeconds(30L * step)));
		}
		return java.util.stream.IntStream.range(0, 10)
			.mapToObj((digit) -> Integer.toString(digit).repeat(6))
			.filter((code) -> !near.contains(code))
			.findFirst()
			.orElseThrow();
	}

	String authorizeUrl() {
		return base() + "/oauth2/authorize?response_type=code&client_id=" + "authorworks-web" + "&redirect_uri="
				+ java.net.URLEncoder.encode(Accounts.WEB_CALLBACK, java.nio.charset.StandardCharsets.UTF_8)
				+ "&scope=openid&state=probe&code_challenge_method=S256"
				+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
	}

	private Jwt decodeWithPublishedKeys(String token) {
		return PublishedKeys.decode(base(), token);
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactionTemplate;

	@Autowired
	IdentityProperties identityProperties;

	private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
		return this.jdbcClient;
	}

	private org.springframework.transaction.support.TransactionTemplate transactions() {
		return this.transactionTemplate;
	}

	private IdentityProperties properties() {
		return this.identityProperties;
	}

}
