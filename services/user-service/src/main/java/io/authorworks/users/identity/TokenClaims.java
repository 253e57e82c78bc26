package io.authorworks.users.identity;

import java.util.Collections;
import java.util.UUID;

import io.authorworks.platform.core.Ids;
import io.authorworks.platform.web.security.AccessTokens;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What goes into tokens. User tokens carry the account's current roles and username (read
 * fresh at every refresh, so a role change or a suspension takes effect within one
 * access-token lifetime); a suspended or deleted account gets no tokens at all. Every
 * token names the key that signed it, and access tokens follow RFC 9068 so that nothing
 * else (an ID token above all) can be used as one.
 */
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final UserAccounts accounts;

	private final SigningKeys keys;

	TokenClaims(UserAccounts accounts, SigningKeys keys) {
		this.accounts = accounts;
		this.keys = keys;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().keyId(this.keys.currentKeyId());
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			accessTokenProfile(context);
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return;
		}
		Authentication principal = context.getPrincipal();
		UUID id = Ids.parseOrNull(principal.getName());
		if (id == null) {
			return;
		}
		UserAccount account = this.accounts.findById(id).orElseThrow(() -> refused("The account no longer exists."));
		if (account.suspended()) {
			throw refused("The account is suspended.");
		}
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getClaims()
				.claim("roles", account.roles())
				.claim("preferred_username", account.username())
				.claim("name", account.displayName());
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			context.getClaims()
				.claim("roles", account.roles())
				.claim("preferred_username", account.username())
				.claim("name", account.displayName());
			if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
				context.getClaims().claim("email", account.email()).claim("email_verified", account.emailVerified());
			}
		}
	}

	/**
	 * The JWT profile for access tokens (RFC 9068): its own {@code typ}, the API as the
	 * audience, the client it was issued to, and the sign-in it belongs to (the
	 * authorization, which is the refresh-token family), so that ending a sign-in can end
	 * its access tokens too.
	 */
	private static void accessTokenProfile(JwtEncodingContext context) {
		context.getJwsHeader().type(AccessTokens.TYPE);
		context.getClaims()
			// A list type the stored authorization can read back.
			.audience(Collections.singletonList(AccessTokens.AUDIENCE))
			.claim("client_id", context.getRegisteredClient().getClientId());
		OAuth2Authorization authorization = context.getAuthorization();
		if (authorization != null) {
			context.getClaims().claim(AccessTokens.SESSION_CLAIM, authorization.getId());
		}
	}

	private static OAuth2AuthenticationException refused(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
	}

}
