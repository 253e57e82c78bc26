package io.authorworks.users.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.platform.core.ETags;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.web.security.Caller;
import io.authorworks.platform.web.security.PublicEndpoint;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;
import io.authorworks.users.account.Registration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's account and profile, and anyone's public profile.
 */
@RestController
@RequestMapping("/users")
@Tag(name = "Profiles")
class ProfileController {

	private final UserAccounts accounts;

	private final Profiles profiles;

	private final Registration registration;

	ProfileController(UserAccounts accounts, Profiles profiles, Registration registration) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.registration = registration;
	}

	@GetMapping("/me")
	@Operation(summary = "Your account and profile", description = "The ETag is the profile version, for If-Match.")
	ResponseEntity<MeResponse> me(Caller.User user) {
		UserAccount account = account(user.id());
		Profiles.Profile profile = this.profiles.find(account.id());
		return ResponseEntity.ok().eTag(etag(profile.version())).body(MeResponse.of(account, profile));
	}

	@PatchMapping("/me")
	@Operation(summary = "Change your profile",
			description = "Fields left out stay as they are; an empty string clears a field. Send If-Match with the "
					+ "ETag from GET to make sure you do not overwrite a change made elsewhere.")
	ResponseEntity<MeResponse> update(Caller.User user, @RequestBody Profiles.ProfilePatch patch,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		UserAccount account = account(user.id());
		Profiles.Profile profile = this.profiles.update(account, patch, ETags.ifMatch(ifMatch));
		return ResponseEntity.ok().eTag(etag(profile.version())).body(MeResponse.of(account(user.id()), profile));
	}

	@PutMapping("/me/roles/author")
	@Operation(summary = "Become an author",
			description = "Gives your account the author role, so you may start books and series and run AI "
					+ "generation. Doing it again changes nothing. Access tokens carry the role from their next "
					+ "refresh; sign in again to use it at once.")
	ResponseEntity<MeResponse> becomeAuthor(Caller.User user) {
		UserAccount account = this.registration.becomeAuthor(user.id());
		Profiles.Profile profile = this.profiles.find(account.id());
		return ResponseEntity.ok().eTag(etag(profile.version())).body(MeResponse.of(account, profile));
	}

	@PublicEndpoint
	@GetMapping("/by-username/{username}")
	@Operation(summary = "Someone's public profile")
	PublicProfileResponse publicProfile(@PathVariable String username) {
		UserAccount account = this.accounts.findByUsername(username)
			.filter((a) -> !a.suspended() && a.emailVerified())
			.orElseThrow(() -> new NotFoundException("No member is called '" + username + "'."));
		Profiles.Profile profile = this.profiles.find(account.id());
		return new PublicProfileResponse(account.username(), account.displayName(), profile.bio(), profile.avatarUrl(),
				profile.website(), profile.location(), profile.socialLinks(), account.createdAt());
	}

	private UserAccount account(UUID id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("Your account no longer exists."));
	}

	static String etag(long version) {
		return ETags.of(version);
	}

	/** Your own account, with everything only you may see. */
	record MeResponse(UUID id, String email, boolean emailVerified, String username, String displayName,
			List<String> roles, boolean twoFactorEnabled, ProfileView profile, Instant createdAt, Instant updatedAt) {

		static MeResponse of(UserAccount account, Profiles.Profile profile) {
			return new MeResponse(account.id(), account.email(), account.emailVerified(), account.username(),
					account.displayName(), account.roles(), account.twoFactorEnabled(),
					new ProfileView(profile.bio(), profile.avatarUrl(), profile.website(), profile.location(),
							profile.socialLinks(), profile.version(), profile.updatedAt()),
					account.createdAt(), account.updatedAt());
		}

	}

	/** The profile part of an account. */
	record ProfileView(@Nullable String bio, @Nullable String avatarUrl, @Nullable String website,
			@Nullable String location, Map<String, String> socialLinks, long version, Instant updatedAt) {
	}

	/** What anyone may see of a member. */
	record PublicProfileResponse(String username, String displayName, @Nullable String bio, @Nullable String avatarUrl,
			@Nullable String website, @Nullable String location, Map<String, String> socialLinks, Instant memberSince) {
	}

}
