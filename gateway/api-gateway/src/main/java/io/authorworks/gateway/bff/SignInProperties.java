package io.authorworks.gateway.bff;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway signs browsers in: as a confidential OIDC client of the user-service.
 * The browser meets only the public authorization endpoint (through this gateway); the
 * back-channel calls (token, keys, user info, revocation) go straight to the
 * user-service.
 *
 * @param clientId the client registered at the user-service
 * @param clientSecret its secret, only from {@code GATEWAY_CLIENT_SECRET}
 * @param issuer the {@code iss} every ID token must carry (the public origin)
 * @param authorizationUri the public authorization endpoint the browser is sent to
 * @param tokenUri the token endpoint; empty means the user-service's own
 * @param jwkSetUri where the ID token signing keys are published
 * @param userInfoUri the user info endpoint; empty means the user-service's own
 * @param revocationUri the token revocation endpoint; empty means the user-service's own
 * @param endSessionUri the public RP-initiated logout endpoint
 * @param redirectUri where the user-service sends the browser back after sign-in
 * @param postLogoutRedirectUri where the browser lands after signing out
 * @param scopes the scopes asked for
 * @param renewBefore how long before it expires an access token is renewed
 */
@ConfigurationProperties("authorworks.gateway.sign-in")
@Validated
public record SignInProperties(@NotBlank String clientId,
		@NotBlank(
				message = "must be set: give the gateway's client secret in GATEWAY_CLIENT_SECRET") String clientSecret,
		@NotNull URI issuer, @NotNull URI authorizationUri, @Nullable URI tokenUri, @NotNull URI jwkSetUri,
		@Nullable URI userInfoUri, @Nullable URI revocationUri, @NotNull URI endSessionUri,
		@NotBlank String redirectUri, @NotNull URI postLogoutRedirectUri, @Nullable List<String> scopes,
		@NotNull Duration renewBefore) {

	/** The registration id, which also names the sign-in and callback paths. */
	public static final String REGISTRATION_ID = "authorworks";

	/**
	 * Where the gateway's own sign-in starts and returns. Under /bff, so the
	 * authorization server's standard client endpoints (/oauth2/authorization/**,
	 * /login/oauth2/code/**), which it uses to federate to external providers, reach it
	 * unchanged on the same origin.
	 */
	public static final String AUTHORIZATION_BASE = "/bff/oauth2/authorization";

	public static final String CALLBACK_BASE = "/bff/oauth2/callback";

	/** Where Spring Security starts the authorization code flow. */
	public static final String START_PATH = AUTHORIZATION_BASE + "/" + REGISTRATION_ID;

}
