package io.authorworks.users;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.OidcTestClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which roles an account gets and how a reader becomes an author: the sign-up form's "I
 * want to write" box decides the author role, and {@code PUT /users/me/roles/author}
 * gives it later. Admin endpoints refuse everyone else with {@code role-required}.
 */
@IntegrationTest(properties = { "SIGNING_KEY_PASSWORD=integration-test-signing-password",
		"GATEWAY_CLIENT_SECRET=integration-test-gateway-secret", "LOG_FORMAT=text" })
class RolesIntegrationTests {

	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final Pattern LINK = Pattern.compile("https?://\\S+[?&]token=([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@BeforeAll
	static void startMail() {
		mail.start();
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("spring.mail.host", () -> "127.0.0.1");
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
		Account ada = signUpAndVerify("ada", true);
		String token = signIn(ada).get("access_token").asString();
		assertThat(rolesIn(token)).containsExactlyInAnyOrder("reader", "author");
		JsonNode me = OidcTestClient.json(oidc().api("GET", "/users/me", token, null).body());
		assertThat(me.get("roles").values()).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("reader", "author");
	}

	@Test
	void aReaderBecomesAnAuthorFromTheirAccountAndTokensCarryItFromTheNextRefresh() throws Exception {
		Account rea = signUpAndVerify("rea", false);
		OidcTestClient client = oidc();
		JsonNode signedIn = signIn(rea);
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
		Account bea = signUpAndVerify("bea", true);
		String token = signIn(bea).get("access_token").asString();
		HttpResponse<String> refused = oidc().api("GET", "/admin/users", token, null);
		assertThat(refused.statusCode()).isEqualTo(403);
		JsonNode problem = OidcTestClient.json(refused.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://authorworks.dev/problems/role-required");
		assertThat(problem.get("role").asString()).isEqualTo("admin");
		assertThat(oidc().api("POST", "/admin/signing-keys/rotate", token, null).statusCode()).isEqualTo(403);
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	OidcTestClient oidc() {
		return new OidcTestClient(base(), "authorworks-web", "integration-test-gateway-secret",
				"http://localhost:8080/bff/oauth2/callback/authorworks");
	}

	JsonNode signIn(Account account) throws Exception {
		return oidc().signIn(new FormBrowser(base()), account.email(), account.password());
	}

	List<String> rolesIn(String accessToken) {
		return PublishedKeys.decode(base(), accessToken).getClaimAsStringList("roles");
	}

	Account signUpAndVerify(String name, boolean writer) {
		String username = name + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		String email = username + "@example.test";
		String password = "a long and secret " + name;
		Map<String, String> form = new LinkedHashMap<>(
				Map.of("email", email, "username", username, "displayName", name, "password", password));
		if (writer) {
			form.put("writer", "true");
		}
		assertThat(new FormBrowser(base()).submit("/signup", "/signup", form).body()).contains("Check your email");
		String token = await().atMost(Duration.ofSeconds(10)).until(() -> {
			for (MimeMessage message : mail.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equals(email)) {
					Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message));
					if (matcher.find()) {
						return matcher.group(1);
					}
				}
			}
			return null;
		}, java.util.Objects::nonNull);
		assertThat(new FormBrowser(base()).get("/verify-email?token=" + token).body())
			.contains("Your email is confirmed");
		return new Account(email, username, password);
	}

	record Account(String email, String username, String password) {
	}

}
