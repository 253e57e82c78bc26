package io.authorworks.platform.web.security;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessTokensTests {

	private static final String ISSUER = "https://authorworks.example";

	private final RSAKey key = generate();

	private final JwtDecoder decoder = decoder();

	@Test
	void anAccessTokenOfTheProfileIsAccepted() {
		String token = sign(new JOSEObjectType("at+jwt"), claims(List.of("authorworks-api"), "authorworks-web"));

		assertThat(this.decoder.decode(token).getClaimAsString("client_id")).isEqualTo("authorworks-web");
	}

	@Test
	void anIdTokenIsRefusedThoughSignedByTheSameKey() {
		String idToken = sign(JOSEObjectType.JWT, claims(List.of("authorworks-web"), null));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(idToken));
	}

	@Test
	void aTokenWithoutATypeIsRefused() {
		String untyped = sign(null, claims(List.of("authorworks-api"), "authorworks-web"));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(untyped));
	}

	@Test
	void anAccessTokenForAnotherAudienceIsRefused() {
		String token = sign(new JOSEObjectType("at+jwt"), claims(List.of("authorworks-web"), "authorworks-web"));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining("aud");
	}

	@Test
	void anAccessTokenWithoutAClientIsRefused() {
		String token = sign(new JOSEObjectType("at+jwt"), claims(List.of("authorworks-api"), null));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(token));
	}

	private JwtDecoder decoder() {
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(this.key)))
			.jwtProcessorCustomizer(AccessTokens.typeCheck())
			.build();
		nimbus.setJwtValidator(AccessTokens.validator(ISSUER));
		return nimbus;
	}

	private static JWTClaimsSet claims(List<String> audience, @Nullable String clientId) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(UUID.randomUUID().toString())
			.audience(audience)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)))
			.jwtID(UUID.randomUUID().toString());
		Map.of("roles", List.of("reader")).forEach(claims::claim);
		if (clientId != null) {
			claims.claim("client_id", clientId);
		}
		return claims.build();
	}

	private String sign(@Nullable JOSEObjectType type, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID(this.key.getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID("k1").generate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theSignInOfATokenTheCallerGotItselfIsReadWithoutVerifying() {
		String withSid = new com.nimbusds.jwt.PlainJWT(
				new com.nimbusds.jwt.JWTClaimsSet.Builder().claim(AccessTokens.SESSION_CLAIM, "sign-in-1").build())
			.serialize();
		String withoutSid = new com.nimbusds.jwt.PlainJWT(
				new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("u").build())
			.serialize();
		org.assertj.core.api.Assertions.assertThat(AccessTokens.unverifiedSignIn(withSid)).isEqualTo("sign-in-1");
		org.assertj.core.api.Assertions.assertThat(AccessTokens.unverifiedSignIn(withoutSid)).isNull();
		org.assertj.core.api.Assertions.assertThat(AccessTokens.unverifiedSignIn("not a token")).isNull();
	}

}
