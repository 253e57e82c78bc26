package io.authorworks.platform.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Maps a token's {@code roles} claim to {@code ROLE_*} authorities and its scopes to
 * {@code SCOPE_*}, so services can write {@code hasRole('author')} and
 * {@code hasAuthority('SCOPE_users.read')}.
 */
public final class JwtAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

	/** The claim that carries a user's roles. */
	public static final String ROLES_CLAIM = "roles";

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>(this.scopes.convert(jwt));
		List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
		if (roles != null) {
			for (String role : roles) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
			}
		}
		return authorities;
	}

	/** A converter that builds authentications with these authorities. */
	public static JwtAuthenticationConverter authenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new JwtAuthorities());
		return converter;
	}

}
