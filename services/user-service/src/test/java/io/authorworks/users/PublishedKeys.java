package io.authorworks.users;

import io.authorworks.platform.web.security.AccessTokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decodes an access token as another service would: against the keys the user-service
 * publishes, with the platform's rules for access tokens.
 */
final class PublishedKeys {

	private PublishedKeys() {
	}

	static Jwt decode(String base, String accessToken) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks")
			.jwtProcessorCustomizer(AccessTokens.typeCheck())
			.build();
		decoder.setJwtValidator(AccessTokens.validator("http://localhost:8080"));
		return decoder.decode(accessToken);
	}

}
