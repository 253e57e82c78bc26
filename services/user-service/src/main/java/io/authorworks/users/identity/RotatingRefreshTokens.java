package io.authorworks.users.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.authorworks.platform.web.security.EndedSessions;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Refresh-token rotation with reuse detection (OAuth 2.0 Security BCP §4.14). Every
 * refresh issues a new refresh token; the old one is remembered. If a remembered token
 * comes back, someone replayed it — the legitimate client or an attacker, we cannot tell
 * which — so the whole family (the authorization it belongs to) is revoked and both must
 * sign in again.
 *
 * <p>
 * One exception, the reuse interval that Auth0 and Okta also offer: the token replaced
 * last, coming back within a few seconds of its rotation, is refused
 * ({@code invalid_grant}) without revoking the family. That is a client's own parallel or
 * retried refresh (the gateway makes renewal single-flight; this covers what slips past
 * it), and the family's current token stays good. Any other replay, or that one later,
 * revokes the family.
 *
 * <p>
 * Whenever a family ends here — revoked, removed, replayed, or all of a person's at once
 * — its sign-in is recorded as ended ({@link EndedSessions}), so the access tokens it
 * issued stop working at every service at once rather than when they expire.
 */
public class RotatingRefreshTokens implements OAuth2AuthorizationService {

	private static final Logger log = LoggerFactory.getLogger(RotatingRefreshTokens.class);

	private final OAuth2AuthorizationService delegate;

	private final JdbcClient jdbc;

	private final EndedSessions endedSessions;

	private final Duration accessTokenTtl;

	private final Duration reuseInterval;

	private final Clock clock;

	public RotatingRefreshTokens(OAuth2AuthorizationService delegate, JdbcClient jdbc, EndedSessions endedSessions,
			Duration accessTokenTtl, Duration reuseInterval, Clock clock) {
		this.delegate = delegate;
		this.jdbc = jdbc;
		this.endedSessions = endedSessions;
		this.accessTokenTtl = accessTokenTtl;
		this.reuseInterval = reuseInterval;
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		OAuth2Authorization previous = this.delegate.findById(authorization.getId());
		String before = refreshToken(previous);
		String after = refreshToken(authorization);
		if (before != null && !before.equals(after)) {
			this.jdbc
				.sql("insert into refresh_token_history (token_hash, authorization_id, principal_name) "
						+ "values (:hash, :authorization, :principal) on conflict do nothing")
				.param("hash", hash(before))
				.param("authorization", authorization.getId())
				.param("principal", authorization.getPrincipalName())
				.update();
		}
		this.delegate.save(authorization);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.delegate.remove(authorization);
		ended(authorization.getId());
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		OAuth2Authorization found = this.delegate.findByToken(token, tokenType);
		if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
			this.jdbc.sql("""
					select h.authorization_id, h.rotated_at,
					       h.rotated_at = (select max(later.rotated_at) from refresh_token_history later
					                       where later.authorization_id = h.authorization_id) as replaced_last
					from refresh_token_history h where h.token_hash = :hash""")
				.param("hash", hash(token))
				.query((row, number) -> new Rotated(row.getString("authorization_id"),
						row.getTimestamp("rotated_at").toInstant(), row.getBoolean("replaced_last")))
				.optional()
				.ifPresent(this::replayed);
		}
		return found;
	}

	private void replayed(Rotated rotated) {
		Duration since = Duration.between(rotated.at(), this.clock.instant());
		if (rotated.replacedLast() && since.compareTo(this.reuseInterval) < 0) {
			log.info("The refresh token replaced last came back {} ms after its rotation; refused, family kept "
					+ "(authorization {})", since.toMillis(), rotated.family());
			return;
		}
		OAuth2Authorization authorization = this.delegate.findById(rotated.family());
		if (authorization != null) {
			log.warn("A rotated refresh token was used again; revoking its family (authorization {}, principal {})",
					rotated.family(), authorization.getPrincipalName());
			remove(authorization);
		}
	}

	/** Revokes every authorization of a principal, e.g. when the account is suspended. */
	public int revokeAll(String principalName) {
		return revokeAllExcept(principalName, null);
	}

	/**
	 * Revokes every authorization of a principal but one (the sign-in that changed the
	 * password keeps working), and ends their sign-ins.
	 */
	public int revokeAllExcept(String principalName, @Nullable String keep) {
		List<String> ended = this.jdbc
			.sql("delete from oauth2_authorization where principal_name = :principal "
					+ "and (cast(:keep as varchar) is null or id <> :keep) returning id")
			.param("principal", principalName)
			.param("keep", keep)
			.query((rs, row) -> rs.getString("id"))
			.list();
		ended.forEach(this::ended);
		return ended.size();
	}

	private void ended(String authorizationId) {
		this.endedSessions.end(authorizationId, this.accessTokenTtl);
	}

	private record Rotated(String family, Instant at, boolean replacedLast) {
	}

	private static @Nullable String refreshToken(@Nullable OAuth2Authorization authorization) {
		if (authorization == null) {
			return null;
		}
		OAuth2Authorization.Token<OAuth2RefreshToken> token = authorization.getRefreshToken();
		return (token != null) ? token.getToken().getTokenValue() : null;
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
