package io.authorworks.users.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
 */
public class RotatingRefreshTokens implements OAuth2AuthorizationService {

	private static final Logger log = LoggerFactory.getLogger(RotatingRefreshTokens.class);

	private final OAuth2AuthorizationService delegate;

	private final JdbcClient jdbc;

	public RotatingRefreshTokens(OAuth2AuthorizationService delegate, JdbcClient jdbc) {
		this.delegate = delegate;
		this.jdbc = jdbc;
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
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		OAuth2Authorization found = this.delegate.findByToken(token, tokenType);
		if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
			String family = this.jdbc.sql("select authorization_id from refresh_token_history where token_hash = :hash")
				.param("hash", hash(token))
				.query(String.class)
				.optional()
				.orElse(null);
			if (family != null) {
				OAuth2Authorization authorization = this.delegate.findById(family);
				if (authorization != null) {
					log.warn(
							"A rotated refresh token was used again; revoking its family (authorization {}, principal {})",
							family, authorization.getPrincipalName());
					this.delegate.remove(authorization);
				}
			}
		}
		return found;
	}

	/** Revokes every authorization of a principal, e.g. when the account is suspended. */
	public int revokeAll(String principalName) {
		return this.jdbc.sql("delete from oauth2_authorization where principal_name = :principal")
			.param("principal", principalName)
			.update();
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
