package io.authorworks.users.account;

import io.authorworks.platform.web.security.AccessTokens;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Changing the password while signed in. */
@RestController
@Tag(name = "Profile")
class PasswordController {

	private final Registration registration;

	PasswordController(Registration registration) {
		this.registration = registration;
	}

	@PostMapping("/users/me/password")
	@Operation(summary = "Change your password",
			description = "Needs the current password. Every other sign-in of yours ends at once (other devices, "
					+ "apps and browsers); this one stays signed in.")
	@ApiResponse(responseCode = "204", description = "Changed; other sign-ins have ended.")
	ResponseEntity<Void> change(Caller.User user, @AuthenticationPrincipal Jwt token,
			@RequestBody PasswordChange change) {
		this.registration.changePassword(user.id(), change.currentPassword(), change.newPassword(),
				token.getClaimAsString(AccessTokens.SESSION_CLAIM));
		return ResponseEntity.noContent().build();
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

}
