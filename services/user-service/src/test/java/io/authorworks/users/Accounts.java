package io.authorworks.users;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.OidcTestClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People who sign up as a person does, through the sign-up form and the link in the
 * confirmation mail, and sign in through the web app's client. The integration tests
 * share it so that one place knows the form's fields and the mail's subject.
 */
final class Accounts {

	/** Where the web app's client (the gateway) is sent back to after sign-in. */
	static final String WEB_CALLBACK = "http://localhost:8080/bff/oauth2/callback/authorworks";

	private final Mailbox mail;

	private final Supplier<String> base;

	/**
	 * Accounts on the service at {@code base} (asked for when first needed, after the
	 * server has its port), confirmed from the mails in {@code mail}.
	 */
	Accounts(Mailbox mail, Supplier<String> base) {
		this.mail = mail;
		this.base = base;
	}

	/** A confirmed writer with a unique username and email made from {@code name}. */
	Account signUpAndVerify(String name) {
		return signUpAndVerify(name, true);
	}

	/** A confirmed account, with the "I want to write" box ticked or not. */
	Account signUpAndVerify(String name, boolean writer) {
		return signUpAndVerify(name, null, writer);
	}

	/**
	 * A confirmed writer with this exact email (the ones configured as administrators'
	 * are fixed) and a unique username made from {@code name}.
	 */
	Account signUpAndVerify(String name, String email) {
		return signUpAndVerify(name, email, true);
	}

	private Account signUpAndVerify(String name, @Nullable String email, boolean writer) {
		String username = name + suffix();
		String address = (email != null) ? email : username + "@example.test";
		String password = "a long and secret " + name;
		Map<String, String> form = new LinkedHashMap<>(Map.of("email", address, "username", username, "displayName",
				name.toUpperCase(Locale.ROOT), "password", password));
		if (writer) {
			form.put("writer", "true");
		}
		HttpResponse<String> created = new FormBrowser(this.base.get()).submit("/signup", "/signup", form);
		assertThat(created.body()).contains("Check your email");
		String token = this.mail.tokenFromMail(address, "Confirm your email for AuthorWorks");
		HttpResponse<String> verified = new FormBrowser(this.base.get()).get("/verify-email?token=" + token);
		assertThat(verified.body()).contains("Your email is confirmed");
		return new Account(address, username, password);
	}

	/** Signs in with email and password as the web app does and answers the tokens. */
	JsonNode signIn(Account account) throws Exception {
		return oidc().signIn(new FormBrowser(this.base.get()), account.email(), account.password());
	}

	/** The access token of a {@link #signIn(Account) sign-in}. */
	String accessToken(Account account) throws Exception {
		return signIn(account).get("access_token").asString();
	}

	/** The confidential client the gateway uses. */
	OidcTestClient oidc() {
		return webClient(this.base.get());
	}

	/** The confidential client the gateway uses, for the service at {@code base}. */
	static OidcTestClient webClient(String base) {
		return new OidcTestClient(base, "authorworks-web", "integration-test-gateway-secret", WEB_CALLBACK);
	}

	/** A short suffix that makes names unique across test runs on the same database. */
	static String suffix() {
		return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	/** What a person signed up with. */
	record Account(String email, String username, String password) {
	}

}
