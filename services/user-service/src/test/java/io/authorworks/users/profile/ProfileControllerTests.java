package io.authorworks.users.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.platform.test.SignedIn;
import io.authorworks.users.account.Registration;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP contract of {@link ProfileController}, with accounts and profiles mocked: what
 * a person sees of their own account, what anybody sees of someone else's, and who may
 * ask.
 */
@WebMvcTest(ProfileController.class)
class ProfileControllerTests {

	private static final Instant JOINED = Instant.parse("2026-01-05T08:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	UserAccounts accounts;

	@MockitoBean
	Profiles profiles;

	@MockitoBean
	Registration registration;

	@Test
	void yourOwnAccountCarriesItsProfileVersionAndNoSecrets() {
		UserAccount ada = account("ada", UserAccount.Status.ACTIVE);
		given(this.accounts.findById(ada.id())).willReturn(Optional.of(ada));
		given(this.profiles.find(ada.id())).willReturn(profile(3));

		MvcTestResult result = this.mvc.get()
			.uri("/users/me")
			.with(SignedIn.user(ada.id(), "ada", "reader"))
			.exchange();

		assertThat(result).hasStatusOk().hasHeader("ETag", "\"3\"");
		assertThat(result).bodyJson()
			.extractingPath("$")
			.asMap()
			.containsOnlyKeys("id", "email", "emailVerified", "username", "displayName", "roles", "twoFactorEnabled",
					"profile", "createdAt", "updatedAt");
		assertThat(result).bodyJson().extractingPath("$.profile.bio").isEqualTo("Writes about engines.");
		assertThat(result).bodyJson().extractingPath("$.twoFactorEnabled").isEqualTo(true);
	}

	@Test
	void yourOwnAccountNeedsAToken() {
		MvcTestResult result = this.mvc.get().uri("/users/me").exchange();

		assertProblem(result, 401, "unauthenticated");
		verifyNoInteractions(this.accounts, this.profiles);
	}

	@Test
	void anAccountThatNoLongerExistsIs404() {
		given(this.accounts.findById(any())).willReturn(Optional.empty());

		assertProblem(this.mvc.get().uri("/users/me").with(SignedIn.user(UUID.randomUUID(), "gone")).exchange(), 404,
				"not-found");
	}

	@Test
	void aPublicProfileIsOpenToAnybodyAndShowsOnlyWhatIsPublic() {
		UserAccount ada = account("ada", UserAccount.Status.ACTIVE);
		given(this.accounts.findByUsername("ada")).willReturn(Optional.of(ada));
		given(this.profiles.find(ada.id())).willReturn(profile(3));

		MvcTestResult result = this.mvc.get().uri("/users/by-username/ada").exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson()
			.extractingPath("$")
			.asMap()
			.containsOnlyKeys("username", "displayName", "bio", "avatarUrl", "website", "location", "socialLinks",
					"memberSince");
		assertThat(result).bodyJson().extractingPath("$.memberSince").isEqualTo("2026-01-05T08:00:00Z");
	}

	@Test
	void aSuspendedMemberHasNoPublicProfile() {
		given(this.accounts.findByUsername("mallory"))
			.willReturn(Optional.of(account("mallory", UserAccount.Status.SUSPENDED)));

		assertProblem(this.mvc.get().uri("/users/by-username/mallory").exchange(), 404, "not-found");
	}

	@Test
	void aChangeThatIsNotJsonIsAProblemNotAnError() {
		MvcTestResult result = this.mvc.patch()
			.uri("/users/me")
			.with(SignedIn.user(UUID.randomUUID(), "ada", "reader"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"bio\": ")
			.exchange();

		assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.profiles);
	}

	private static void assertProblem(MvcTestResult result, int status, String slug) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://authorworks.dev/problems/" + slug);
	}

	private static UserAccount account(String username, UserAccount.Status status) {
		return new UserAccount(UUID.randomUUID(), username + "@example.org", username, "Ada Lovelace",
				"{bcrypt}not-for-clients", JOINED, status, null, List.of("reader"), 0, null, "TOTPSECRET", JOINED,
				JOINED, JOINED);
	}

	private static Profiles.Profile profile(long version) {
		return new Profiles.Profile("Writes about engines.", "https://example.org/ada.png", "https://example.org",
				"London", Map.of("mastodon", "@ada@example.org"), version, JOINED);
	}

}
