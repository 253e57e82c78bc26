package io.authorworks.platform.web.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Refuses a verified access token whose sign-in has ended ({@link EndedSessions}). Runs
 * on every request, after the (cached) signature and claim checks, so an ended sign-in
 * stops at once even for tokens verified before it ended.
 */
public final class SessionCheckingJwtDecoder implements JwtDecoder {

	private final JwtDecoder delegate;

	private final EndedSessions endedSessions;

	public SessionCheckingJwtDecoder(JwtDecoder delegate, EndedSessions endedSessions) {
		this.delegate = delegate;
		this.endedSessions = endedSessions;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.delegate.decode(token);
		String sessionId = jwt.getClaimAsString(AccessTokens.SESSION_CLAIM);
		if (sessionId != null && this.endedSessions.hasEnded(sessionId)) {
			throw new BadJwtException("The sign-in this token belongs to has ended");
		}
		return jwt;
	}

}
