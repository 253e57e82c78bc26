package io.authorworks.users.twofactor;

import java.util.List;

import io.authorworks.platform.web.ProblemResponse;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-factor sign-in for the signed-in person: enrol an authenticator app, confirm it,
 * turn it off, and get new recovery codes.
 */
@RestController
@RequestMapping("/users/me/two-factor")
@Tag(name = "Two-factor sign-in")
class TwoFactorController {

	private final TwoFactor twoFactor;

	TwoFactorController(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	@PostMapping
	@Operation(summary = "Start enrolling an authenticator app",
			description = "Answers the secret and an otpauth:// URI to show as a QR code. Nothing changes at sign-in "
					+ "until the enrolment is confirmed with a code.")
	TwoFactor.Enrollment start(Caller.User user) {
		return this.twoFactor.start(user.id());
	}

	@PostMapping("/confirm")
	@Operation(summary = "Turn two-factor sign-in on",
			description = "Needs a current code from the app. Answers ten one-time recovery codes, shown only now.")
	@ProblemResponse(status = 409, description = "two-factor-not-enrolled: no enrolment was started.")
	RecoveryCodesResponse confirm(Caller.User user, @RequestBody CodeRequest request) {
		return new RecoveryCodesResponse(this.twoFactor.confirm(user.id(), request.codeOrEmpty()));
	}

	@DeleteMapping
	@Operation(summary = "Turn two-factor sign-in off", description = "Needs a current code or a recovery code.")
	@ApiResponse(responseCode = "204", description = "Two-factor sign-in is off.")
	ResponseEntity<Void> disable(Caller.User user, @RequestBody CodeRequest request) {
		this.twoFactor.disable(user.id(), request.codeOrEmpty());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/recovery-codes")
	@Operation(summary = "Replace your recovery codes",
			description = "Needs a current code or a recovery code. The old recovery codes stop working.")
	RecoveryCodesResponse regenerate(Caller.User user, @RequestBody CodeRequest request) {
		return new RecoveryCodesResponse(this.twoFactor.regenerateRecoveryCodes(user.id(), request.codeOrEmpty()));
	}

	/** A code from the authenticator app, or a recovery code. */
	record CodeRequest(@Nullable String code) {

		String codeOrEmpty() {
			return (this.code != null) ? this.code : "";
		}

	}

	/** One-time recovery codes, each usable once instead of an app code. */
	record RecoveryCodesResponse(List<String> recoveryCodes) {
	}

}
