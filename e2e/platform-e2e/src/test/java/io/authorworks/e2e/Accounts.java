package io.authorworks.e2e;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.OidcTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates verified accounts through the gateway, as a person would: the sign-up page,
 * then the link from the mail.
 */
final class Accounts {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private Accounts() {
	}

	record Account(String email, String username, String password) {
	}

	static Account unique(String name) {
		String suffix = Long.toString(System.currentTimeMillis() % 100_000_000L, 36) + COUNTER.incrementAndGet();
		String username = (name + suffix).toLowerCase(Locale.ROOT);
		return new Account(username + "@example.test", username, "correct horse battery " + name);
	}

	static Account signUpAndVerify(RunningPlatform platform, String name) {
		Account account = unique(name);
		FormBrowser browser = browser(platform);
		// "I want to write" is ticked, as the form starts: these accounts write books.
		HttpResponse<String> created = browser.submit("/signup", "/signup", Map.of("email", account.email(), "username",
				account.username(), "displayName", name, "password", account.password(), "writer", "true"));
		assertThat(created.body()).contains("Check your email");
		String link = platform.linkMailedTo(account.email(), "Confirm your email for AuthorWorks");
		HttpResponse<String> verified = browser.get(link);
		assertThat(verified.body()).contains("Your email is confirmed");
		return account;
	}

	/**
	 * A client of the authorization server through the gateway, with the gateway's own
	 * identity. Like every test client it comes from an address of its own (the gateway
	 * trusts X-Forwarded-For from loopback), so tests do not share one sign-in rate-limit
	 * budget.
	 */
	static OidcTestClient oidc(RunningPlatform platform) {
		return new OidcTestClient(platform.publicUrl(), "authorworks-web", platform.secret("GATEWAY_CLIENT_SECRET"),
				platform.publicUrl() + "/bff/oauth2/callback/authorworks")
			.with("X-Forwarded-For", testNetAddress());
	}

	/**
	 * Signs the account in with code + PKCE through the gateway and answers its access
	 * token.
	 */
	static String accessToken(RunningPlatform platform, Account account) throws Exception {
		return oidc(platform).signIn(browser(platform), account.email(), account.password())
			.get("access_token")
			.asString();
	}

	/** A browser-like client from an address of its own. */
	static FormBrowser browser(RunningPlatform platform) {
		return new FormBrowser(platform.publicUrl()).with("X-Forwarded-For", testNetAddress());
	}

	/**
	 * A W3C {@code traceparent} of a new trace whose sampled flag is set: the platform
	 * follows it, so every request that carries it is traced and access-logged.
	 */
	static String sampledTraceparent() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		return "00-" + java.util.HexFormat.of().toHexDigits(random.nextLong())
				+ java.util.HexFormat.of().toHexDigits(random.nextLong()) + "-"
				+ java.util.HexFormat.of().toHexDigits(random.nextLong()) + "-01";
	}

	/** An address from the documentation ranges of RFC 5737: never a real peer. */
	static String testNetAddress() {
		int n = COUNTER.incrementAndGet();
		return "203.0.113." + (1 + (n * 7 + (int) (System.nanoTime() % 97)) % 250);
	}

}
