package io.authorworks.users.identity;

import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Sign out everywhere": every refresh token the person holds, on any device or app,
 * stops working. Access tokens already out there expire within their short lifetime.
 */
@RestController
@Tag(name = "Sessions")
class SessionsController {

	private final RotatingRefreshTokens authorizations;

	SessionsController(RotatingRefreshTokens authorizations) {
		this.authorizations = authorizations;
	}

	@PostMapping("/users/me/sessions/revoke")
	@Operation(summary = "Sign out everywhere", description = "Revokes all your refresh tokens.")
	ResponseEntity<Void> revokeAll(Caller.User user) {
		this.authorizations.revokeAll(user.id().toString());
		return ResponseEntity.noContent().build();
	}

}
