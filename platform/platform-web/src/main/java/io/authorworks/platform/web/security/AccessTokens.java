package io.authorworks.platform.web.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What the platform accepts as an API credential: an access token in the JWT profile of
 * RFC 9068 — header {@code typ: at+jwt}, audience {@value #AUDIENCE}, from our issuer,
 * with {@code sub}, {@code client_id}, {@code iat}, {@code exp} and {@code jti}. ID
 * tokens (typ {@code JWT}, audience the client) and any other JWT signed by the same key
 * are refused, so a token that reached a browser for sign-out cannot call the API.
 */
public final class AccessTokens {

	/** The {@code aud} of every access token the user-service issues. */
	public static final String AUDIENCE = "authorworks-api";

	/** The media type of an RFC 9068 access token, as its {@code typ} header. */
	public static final String TYPE = "at+jwt";

	/** The claim naming the sign-in (the refresh-token family) a token belongs to. */
	public static final String SESSION_CLAIM = "sid";

	private static final String CLIENT_ID_CLAIM = "client_id";

	private AccessTokens() {
	}

	/**
	 * The {@value #SESSION_CLAIM} claim of an access token, read <em>without verifying
	 * it</em>: only for a token the caller got from the token endpoint itself (the
	 * gateway's session tokens), never for one a client sent.
	 */
	public static @Nullable String unverifiedSignIn(String accessToken) {
		try {
			Object sid = JWTParser.parse(accessToken).getJWTClaimsSet().getClaim(SESSION_CLAIM);
			return (sid instanceof String text) ? text : null;
		}
		catch (ParseException ex) {
			return null;
		}
	}

	private static boolean isPresent(@Nullable Object value) {
		return value instanceof String text && !text.isBlank();
	}

	/** The claim rules of RFC 9068 §4 for tokens from {@code issuer}. */
	public static OAuth2TokenValidator<Jwt> validator(String issuer) {
		// Any of our clients may hold an access token (the web app, the CLI, services),
		// so client_id must be present but is not one fixed value.
		return JwtValidators.createAtJwtValidator()
			.issuer(issuer)
			.audience(AUDIENCE)
			.validators((validators) -> validators.put(CLIENT_ID_CLAIM,
					new JwtClaimValidator<@Nullable Object>(CLIENT_ID_CLAIM, AccessTokens::isPresent)))
			.build();
	}

	/**
	 * Makes the JOSE layer itself refuse any {@code typ} but {@code at+jwt}, before the
	 * claims are looked at.
	 */
	public static Consumer<ConfigurableJWTProcessor<SecurityContext>> typeCheck() {
		return (processor) -> processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TYPE),
				new JOSEObjectType("application/" + TYPE)));
	}

	/**
	 * A decoder for access tokens checked against the issuer's published keys, with
	 * verified tokens remembered until they expire ({@link VerifiedTokenCache}).
	 */
	public static JwtDecoder decoder(String jwksUri, String issuer) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri).jwtProcessorCustomizer(typeCheck()).build();
		decoder.setJwtValidator(validator(issuer));
		return new VerifiedTokenCache(decoder, 10_000, Duration.ofMinutes(5), Clock.systemUTC());
	}

}
