package io.authorworks.platform.test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Callers for MockMvc slice tests, shaped like the access tokens the user-service issues
 * ({@code sub}, {@code preferred_username}, {@code roles}, {@code scope}) and with the
 * authorities the platform's resource server derives from them, so a controller sees the
 * same {@code Caller} it would in production without a token being signed or a key set
 * fetched.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/**
	 * A signed-in person with these roles (for example {@code reader}, {@code author}).
	 */
	public static JwtRequestPostProcessor user(UUID id, String username, String... roles) {
		List<GrantedAuthority> authorities = Arrays.stream(roles)
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
			.toList();
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt((jwt) -> jwt.subject(id.toString())
				.claim("preferred_username", username)
				.claim("roles", List.of(roles))
				.claim("scope", "openid"))
			.authorities(authorities);
	}

	/** Another deployable calling with a client-credentials token and these scopes. */
	public static JwtRequestPostProcessor service(String clientId, String... scopes) {
		List<GrantedAuthority> authorities = Arrays.stream(scopes)
			.<GrantedAuthority>map((scope) -> new SimpleGrantedAuthority("SCOPE_" + scope))
			.toList();
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt((jwt) -> jwt.subject(clientId).claim("scope", String.join(" ", scopes)))
			.authorities(authorities);
	}

}
