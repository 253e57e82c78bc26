package io.authorworks.users.twofactor;

import java.time.Instant;

/**
 * Lets integration tests compute the codes an authenticator app would show.
 */
public final class TotpAccess {

	private TotpAccess() {
	}

	/** The 6-digit code for a base32 secret at an instant. */
	public static String code(String base32Secret, Instant time) {
		return Totp.STANDARD.code(Base32.decode(base32Secret), time);
	}

}
