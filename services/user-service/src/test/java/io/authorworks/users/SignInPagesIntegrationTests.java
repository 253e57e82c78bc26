package io.authorworks.users;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.OidcTestClient;
import io.authorworks.users.account.Registration;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.twofactor.TotpAccess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in pages as a browser meets them: a Content-Security-Policy that lets the
 * pages work and nothing else run, sign-in that still completes under it and ends in the
 * app, and sign-out that ends on the home page even when it cannot be checked.
 */
@IntegrationTest(properties = { "SIGNING_KEY_PASSWORD=integration-test-signing-password",
		"GATEWAY_CLIENT_SECRET=integration-test-gateway-secret", "LOG_FORMAT=text" })
class SignInPagesIntegrationTests {

	/**
	 * Script or style written into the page itself; a script loaded from this site
	 * ({@code <script src>}, the passkey ceremonies) is allowed.
	 */
	static final Pattern INLINE = Pattern
		.compile("(?i)<script(?![^>]*\\ssrc=)|<style|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:");

	@LocalServerPort
	int port;

	@Autowired
	Registration registration;

	@Test
	void everySignInPageHasAStrictPolicyThatItsMarkupKeepsTo() throws Exception {
		Account ada = account("ada");
		enrollTwoFactor(ada);
		FormBrowser halfSignedIn = new FormBrowser(base());
		halfSignedIn.get(authorizeUrl("authorworks-web", Accounts.WEB_CALLBACK));
		halfSignedIn.submit("/login", "/login", Map.of("login", ada.login(), "password", ada.password()));

		FormBrowser browser = new FormBrowser(base());
		List<HttpResponse<String>> pages = List.of(browser.get("/login"), browser.get("/login?error=unverified"),
				browser.get("/signup"), browser.get("/password-reset"), browser.get("/verify-email?token=made-up"),
				browser.get("/password-reset/confirm?token=made-up"), halfSignedIn.get("/login/two-factor"),
				browser.get("/oauth2/authorize?response_type=code&client_id=nobody&scope=openid"),
				browser.get("/error"));
		for (HttpResponse<String> page : pages) {
			String policy = page.headers()
				.firstValue("Content-Security-Policy")
				.orElseThrow(() -> new AssertionError("no Content-Security-Policy on " + page.uri()));
			assertThat(directives(policy)).as(page.uri().toString())
				.containsEntry("default-src", List.of("'self'"))
				.containsEntry("script-src", List.of("'self'"))
				.containsEntry("style-src", List.of("'self'"))
				.containsEntry("connect-src", List.of("'self'"))
				.containsEntry("object-src", List.of("'none'"))
				.containsEntry("base-uri", List.of("'none'"))
				.containsEntry("frame-ancestors", List.of("'none'"));
			assertThat(INLINE.matcher(page.body()).find()).as("inline script or style on %s", page.uri()).isFalse();
			assertThat(page.body()).as(page.uri().toString())
				.doesNotContainPattern("(?i)<link[^>]+href=\"(https?:)?//");
		}
		assertThat(pages.get(0).body()).contains("/auth-assets/auth.css");
		assertThat(pages.get(6).body()).as("the two-factor page itself").contains("autocomplete=\"one-time-code\"");
		assertThat(pages.get(7).statusCode()).as("the authorization endpoint's error page").isEqualTo(400);
	}

	@Test
	void signingInForTheWebAppStaysWithinTheFormPolicy() throws Exception {
		Account bo = account("bo");
		FormBrowser browser = new FormBrowser(base());
		browser.get(authorizeUrl("authorworks-web", Accounts.WEB_CALLBACK));
		URI callback = submitWithinPolicy(browser, "/login", Map.of("login", bo.login(), "password", bo.password()));
		assertThat(callback.toString()).startsWith(Accounts.WEB_CALLBACK + "?code=");
	}

	@Test
	void signingInForTheCliOnALoopbackPortStaysWithinTheFormPolicy() throws Exception {
		Account cy = account("cy");
		String redirect = "http://127.0.0.1:53682/callback";
		FormBrowser browser = new FormBrowser(base());
		HttpResponse<String> toLogin = browser.get(authorizeUrl("authorworks-cli", redirect));
		assertThat(toLogin.statusCode()).isEqualTo(302);
		URI callback = submitWithinPolicy(browser, "/login", Map.of("login", cy.login(), "password", cy.password()));
		assertThat(callback.toString()).startsWith(redirect + "?code=");
	}

	@Test
	void theSecondStepOfSigningInStaysWithinTheFormPolicy() throws Exception {
		Account dee = account("dee");
		String secret = enrollTwoFactor(dee);
		FormBrowser browser = new FormBrowser(base());
		browser.get(authorizeUrl("authorworks-web", Accounts.WEB_CALLBACK));
		URI twoFactor = submitWithinPolicy(browser, "/login", Map.of("login", dee.login(), "password", dee.password()));
		assertThat(twoFactor.getPath()).isEqualTo("/login/two-factor");
		URI callback = submitWithinPolicy(browser, "/login/two-factor",
				Map.of("code", TotpAccess.code(secret, Instant.now().plusSeconds(30))));
		assertThat(callback.toString()).startsWith(Accounts.WEB_CALLBACK + "?code=");
	}

	@Test
	void signingInFromTheSignInPageItselfGoesIntoTheApp() throws Exception {
		String appSignIn = "http://localhost:8080/bff/login";
		Account eli = account("eli");
		FormBrowser browser = new FormBrowser(base());
		HttpResponse<String> signedIn = browser.submit("/login", "/login",
				Map.of("login", eli.login(), "password", eli.password()));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValue(appSignIn);
		assertThat(submitWithinPolicy(new FormBrowser(base()), "/login",
				Map.of("login", eli.login(), "password", eli.password())))
			.isEqualTo(URI.create(appSignIn));

		Account fay = account("fay");
		String secret = enrollTwoFactor(fay);
		FormBrowser twoSteps = new FormBrowser(base());
		HttpResponse<String> afterPassword = twoSteps.submit("/login", "/login",
				Map.of("login", fay.login(), "password", fay.password()));
		assertThat(afterPassword.headers().firstValue("Location").orElseThrow()).endsWith("/login/two-factor");
		HttpResponse<String> afterCode = twoSteps.submit("/login/two-factor", "/login/two-factor",
				Map.of("code", TotpAccess.code(secret, Instant.now().plusSeconds(30))));
		assertThat(afterCode.headers().firstValue("Location")).hasValue(appSignIn);
	}

	@Test
	void aSignOutThatCannotBeCheckedTakesABrowserHome() throws Exception {
		String home = "http://localhost:8080/";
		String toHome = "&post_logout_redirect_uri=" + URLEncoder.encode(home, StandardCharsets.UTF_8);
		FormBrowser stranger = new FormBrowser(base());
		for (String query : new String[] { "?id_token_hint=not-a-token" + toHome, "?client_id=authorworks-web",
				"?id_token_hint=not-a-token&post_logout_redirect_uri=https://evil.example/" }) {
			HttpResponse<String> response = stranger.get("/connect/logout" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(query).hasValue(home);
		}

		// Signing out everywhere first revokes the authorization the ID token belongs to.
		Account gus = account("gus");
		OidcTestClient tokens = Accounts.webClient(base());
		FormBrowser browser = new FormBrowser(base());
		JsonNode signedIn = tokens.signIn(browser, gus.login(), gus.password());
		assertThat(tokens.api("POST", "/users/me/sessions/revoke", signedIn.get("access_token").asString(), null)
			.statusCode()).isEqualTo(204);
		HttpResponse<String> afterEverywhere = browser
			.get("/connect/logout?id_token_hint=" + signedIn.get("id_token").asString() + toHome);
		assertThat(afterEverywhere.statusCode()).isEqualTo(302);
		assertThat(afterEverywhere.headers().firstValue("Location")).hasValue(home);

		assertThat(browser.get(authorizeUrl("authorworks-web", Accounts.WEB_CALLBACK)).headers().firstValue("Location"))
			.as("signing out everywhere, then out here, ends this sign-in session")
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));

		// What the gateway does on sign-out: revoke the session's refresh token, then
		// send
		// the browser here with the ID token. The sign-in session must end all the same.
		Account hal = account("hal");
		FormBrowser signingOut = new FormBrowser(base());
		JsonNode hals = tokens.signIn(signingOut, hal.login(), hal.password());
		assertThat(revoke(hals.get("refresh_token").asString())).isEqualTo(200);
		HttpResponse<String> afterRevocation = signingOut
			.get("/connect/logout?id_token_hint=" + hals.get("id_token").asString() + toHome);
		assertThat(afterRevocation.statusCode()).isEqualTo(302);
		assertThat(afterRevocation.headers().firstValue("Location")).hasValue(home);
		assertThat(
				signingOut.get(authorizeUrl("authorworks-web", Accounts.WEB_CALLBACK)).headers().firstValue("Location"))
			.as("no sign-in session left to sign straight back in with")
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));

		// The sign-in session lapsed (or the browser dropped its cookie) while the app
		// still held a valid ID token: the browser still goes home.
		HttpResponse<String> withoutSession = new FormBrowser(base())
			.get("/connect/logout?id_token_hint=" + hals.get("id_token").asString() + toHome);
		assertThat(withoutSession.statusCode()).as("no sign-in session").isEqualTo(302);
		assertThat(withoutSession.headers().firstValue("Location")).hasValue(home);

		// Someone else's token, or a forged one, signs no one out.
		Account ivy = account("ivy");
		FormBrowser ivys = new FormBrowser(base());
		tokens.signIn(ivys, ivy.login(), ivy.password());
		for (String hint : new String[] { hals.get("id_token").asString(),
				"forged." + hals.get("id_token").asString() }) {
			HttpResponse<String> notTheirs = ivys.get("/connect/logout?id_token_hint=" + hint + toHome);
			assertThat(notTheirs.statusCode()).isEqualTo(302);
			assertThat(notTheirs.headers().firstValue("Location")).hasValue(home);
		}
		assertThat(ivys.get(authorizeUrl("authorworks-web", Accounts.WEB_CALLBACK)).headers().firstValue("Location"))
			.as("still signed in")
			.hasValueSatisfying((location) -> assertThat(location).startsWith(Accounts.WEB_CALLBACK + "?code="));

		HttpResponse<String> program = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/connect/logout?id_token_hint=not-a-token" + toHome))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(program.statusCode()).as("a program still gets the error").isEqualTo(400);
		assertThat(OidcTestClient.json(program.body()).get("error").asString()).isNotBlank();
	}

	/**
	 * Submits the form on {@code formPage} and follows the redirects, checking each
	 * against the page's {@code form-action} as a browser does; answers where the browser
	 * ends up: the first page shown, or the first address off this server.
	 */
	private URI submitWithinPolicy(FormBrowser browser, String formPage, Map<String, String> fields) {
		HttpResponse<String> page = browser.get(formPage);
		URI pageUri = page.uri();
		List<String> formAction = directives(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.get("form-action");
		assertThat(formAction).as("form-action of %s", formPage).isNotNull();
		HttpResponse<String> current = browser.submit(formPage, formPage, fields);
		for (int hop = 0; hop < 10 && current.statusCode() / 100 == 3; hop++) {
			URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
			assertThat(allows(formAction, pageUri, next)).as("form-action %s allows %s", formAction, next).isTrue();
			if (!next.toString().startsWith(base())) {
				return next;
			}
			current = browser.get(next.toString());
		}
		return current.uri();
	}

	/** CSP source matching for the source kinds this policy uses. */
	static boolean allows(List<String> sources, URI page, URI target) {
		for (String source : sources) {
			if (source.equals("'self'")) {
				if (origin(page).equals(origin(target))) {
					return true;
				}
				continue;
			}
			URI allowed = URI.create(source.replace(":*", ""));
			boolean anyPort = source.endsWith(":*");
			if (allowed.getScheme().equals(target.getScheme()) && allowed.getHost().equals(target.getHost())
					&& (anyPort || port(allowed) == port(target))) {
				return true;
			}
		}
		return false;
	}

	static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + ":" + port(uri);
	}

	static int port(URI uri) {
		return (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
	}

	static Map<String, List<String>> directives(String policy) {
		Map<String, List<String>> directives = new java.util.LinkedHashMap<>();
		for (String directive : policy.split(";")) {
			List<String> parts = Arrays.stream(directive.trim().split("\\s+")).filter((p) -> !p.isEmpty()).toList();
			if (!parts.isEmpty()) {
				directives.put(parts.get(0), new ArrayList<>(parts.subList(1, parts.size())));
			}
		}
		return directives;
	}

	record Account(String login, String password) {
	}

	Account account(String name) {
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		String password = "a long and secret " + name;
		UserAccount account = this.registration.signUp(new Registration.SignUpForm(name + suffix + "@example.test",
				name + suffix, name.toUpperCase(java.util.Locale.ROOT), password, true));
		this.registration.confirmEmail(account.id());
		return new Account(account.username(), password);
	}

	/** Turns two-step verification on through the API, as the settings page does. */
	String enrollTwoFactor(Account account) throws Exception {
		OidcTestClient tokens = Accounts.webClient(base());
		String token = tokens.signIn(new FormBrowser(base()), account.login(), account.password())
			.get("access_token")
			.asString();
		String secret = OidcTestClient.json(tokens.api("POST", "/users/me/two-factor", token, null).body())
			.get("secret")
			.asString();
		HttpResponse<String> confirmed = tokens.api("POST", "/users/me/two-factor/confirm", token,
				"{\"code\":\"" + TotpAccess.code(secret, Instant.now()) + "\"}");
		assertThat(confirmed.statusCode()).isEqualTo(200);
		return secret;
	}

	String authorizeUrl(String clientId, String redirect) {
		return base() + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
				+ URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&scope=openid&state=probe"
				+ "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Revokes a refresh token as the gateway does at sign-out (RFC 7009). */
	private int revoke(String refreshToken) throws Exception {
		String client = java.util.Base64.getEncoder()
			.encodeToString("authorworks-web:integration-test-gateway-secret".getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/revoke"))
				.header("Authorization", "Basic " + client)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("token=" + refreshToken + "&token_type_hint=refresh_token"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

}
