package io.authorworks.users.identity;

import java.util.UUID;

import io.authorworks.platform.core.Ids;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What goes into tokens. User tokens carry the account's current roles and username (read
 * fresh at every refresh, so a role change or a suspension takes effect within one
 * access-token lifetime); a suspended or deleted account gets no tokens at all. Every
 * token names the key that signed it.
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

	private static OAuth2AuthenticationException refused(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
	}

}
