package io.authorworks.users;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.OidcTestClient;
import io.authorworks.users.Accounts.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which roles an account gets and how a reader becomes an author: the sign-up form's "I
 * want to write" box decides the author role, and {@code PUT /users/me/roles/author}
 * gives it later. Admin endpoints refuse everyone else with {@code role-required}.
 */
@IntegrationTest(properties = { "SIGNING_KEY_PASSWORD=integration-test-signing-password",
		"GATEWAY_CLIENT_SECRET=integration-test-gateway-secret", "LOG_FORMAT=text" })
class RolesIntegrationTests {

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
	void theSignUpFormOffersWritingTickedByDefault() {
		String page = new FormBrowser(base()).get("/signup").body();
		assertThat(page)
			.containsPattern("<input id=\"writer\" name=\"writer\" type=\"checkbox\" value=\"true\"\\s+checked");
		assertThat(page).contains("I want to write");
	}

	@Test
	void aFormSentBackWithMistakesKeepsTheBoxAsThePersonLeftIt() {
		Map<String, String> unticked = Map.of("email", "not-an-email", "username", "ok-name", "displayName", "Ok",
				"password", "a long and secret password");
		HttpResponse<String> again = new FormBrowser(base()).submit("/signup", "/signup", unticked);
		assertThat(again.body()).contains("Enter a valid email address.")
			.doesNotContainPattern("name=\"writer\"[^>]*checked");
		Map<String, String> ticked = new LinkedHashMap<>(unticked);
		ticked.put("writer", "true");
		assertThat(new FormBrowser(base()).submit("/signup", "/signup", ticked).body())
			.containsPattern("name=\"writer\"[^>]*checked");
	}

	@Test
	void tickingIWantToWriteGivesTheAuthorRole() throws Exception {
		Account ada = this.accounts.signUpAndVerify("ada", true);
		String token = this.accounts.accessToken(ada);
		assertThat(rolesIn(token)).containsExactlyInAnyOrder("reader", "author");
		JsonNode me = OidcTestClient.json(this.accounts.oidc().api("GET", "/users/me", token, null).body());
		assertThat(me.get("roles").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("reader", "author");
	}

	@Test
	void aReaderBecomesAnAuthorFromTheirAccountAndTokensCarryItFromTheNextRefresh() throws Exception {
		Account rea = this.accounts.signUpAndVerify("rea", false);
		OidcTestClient client = this.accounts.oidc();
		JsonNode signedIn = this.accounts.signIn(rea);
		String readerToken = signedIn.get("access_token").asString();
		assertThat(rolesIn(readerToken)).containsExactly("reader");

		HttpResponse<String> became = client.api("PUT", "/users/me/roles/author", readerToken, null);
		assertThat(became.statusCode()).as(became.body()).isEqualTo(200);
		assertThat(OidcTestClient.json(became.body()).get("roles").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("reader", "author");
		HttpResponse<String> again = client.api("PUT", "/users/me/roles/author", readerToken, null);
		assertThat(OidcTestClient.json(again.body()).get("roles").values()).extracting(JsonNode::asString)
			.as("becoming an author twice changes nothing")
			.containsExactlyInAnyOrder("reader", "author");

		OidcTestClient.Response refreshed = client.refresh(signedIn.get("refresh_token").asString());
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(rolesIn(refreshed.body().get("access_token").asString())).containsExactlyInAnyOrder("reader",
				"author");
	}

	@Test
	void onlyAdminsReachTheAdminApiAndOthersAreToldWhichRoleItNeeds() throws Exception {
		Account bea = this.accounts.signUpAndVerify("bea", true);
		String token = this.accounts.accessToken(bea);
		HttpResponse<String> refused = this.accounts.oidc().api("GET", "/admin/users", token, null);
		assertThat(refused.statusCode()).isEqualTo(403);
		JsonNode problem = OidcTestClient.json(refused.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://authorworks.dev/problems/role-required");
		assertThat(problem.get("role").asString()).isEqualTo("admin");
		assertThat(this.accounts.oidc().api("POST", "/admin/signing-keys/rotate", token, null).statusCode())
			.isEqualTo(403);
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	List<String> rolesIn(String accessToken) {
		return PublishedKeys.decode(base(), accessToken).getClaimAsStringList("roles");
	}

}
