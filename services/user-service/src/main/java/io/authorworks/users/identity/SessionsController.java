package io.authorworks.users.identity;

import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Sign out everywhere": every sign-in of the person ends at once, this one included —
 * refresh tokens, the access tokens they issued, and the sign-in pages' sessions.
 */
@RestController
@Tag(name = "Sessions")
class SessionsController {

	private final AccountSessions sessions;

	SessionsController(AccountSessions sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/users/me/sessions/revoke")
	@Operation(summary = "Sign out everywhere",
			description = "Ends every sign-in of yours on every device and app, this one included: refresh tokens "
					+ "stop working and access tokens are refused from the next request.")
	@ApiResponse(responseCode = "204", description = "Every sign-in has ended.")
	ResponseEntity<Void> revokeAll(Caller.User user) {
		this.sessions.endAll(user.id());
		return ResponseEntity.noContent().build();
	}

}
