package io.authorworks.gateway.bff;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.authorworks.platform.web.security.JwtAuthorities;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Loads the signed-in user as usual and adds their AuthorWorks roles as {@code ROLE_*}
 * authorities: from the ID token or user info when the user-service puts them there,
 * otherwise from the (validated) access token, which always carries them.
 */
class RoleAwareOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final JwtDecoder accessTokens;

	RoleAwareOidcUserService(JwtDecoder accessTokens) {
		this.accessTokens = accessTokens;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.delegate.loadUser(request);
		List<String> roles = user.getClaimAsStringList(JwtAuthorities.ROLES_CLAIM);
		if (roles == null) {
			try {
				roles = this.accessTokens.decode(request.getAccessToken().getTokenValue())
					.getClaimAsStringList(JwtAuthorities.ROLES_CLAIM);
			}
			catch (JwtException ex) {
				roles = null;
			}
		}
		Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
		if (roles != null) {
			roles.forEach(
					(role) -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
		}
		return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
	}

}
