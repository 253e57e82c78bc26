package io.authorworks.users.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refresh tokens for a public client (the CLI and scripts, {@code authorworks-cli}),
 * which Spring's authorization server gives only to confidential ones. A public client
 * registered for the refresh grant gets a refresh token at the code exchange, and may
 * redeem it naming itself by {@code client_id} alone, since it has no secret to show.
 * What protects such a token is what protects the confidential client's: it is good for
 * one use, and a replay revokes its family ({@link RotatingRefreshTokens}, through the
 * authorization service both grants save to). A confidential client must still
 * authenticate, and a token redeems only for the client it was issued to.
 */
@Component
class PublicClientRefresh {

	private static final String CLIENT_ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-3.2.1";

	private static final OAuth2TokenType AUTHORIZATION_CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

	private final RegisteredClientRepository clients;

	private final OAuth2AuthorizationService authorizations;

	private final RequestMatcher tokenEndpoint;

	private final Clock clock;

	/** As long and as random as Spring's own refresh tokens. */
	private final StringKeyGenerator tokenValues = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(),
			96);

	PublicClientRefresh(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
			AuthorizationServerSettings settings, Clock clock) {
		this.clients = clients;
		this.authorizations = authorizations;
		this.tokenEndpoint = PathPatternRequestMatcher.withDefaults()
			.matcher(HttpMethod.POST, settings.getTokenEndpoint());
		this.clock = clock;
	}

	/**
	 * Reads a refresh request at the token endpoint that names its client by
	 * {@code client_id} and shows no credential; any other request is left to the
	 * standard client authentication.
	 */
	AuthenticationConverter converter() {
		return this::convert;
	}

	/**
	 * Accepts a {@code client_id}-only refresh request from a client registered as public
	 * and for the refresh grant; answers {@code invalid_client} for any other.
	 */
	AuthenticationProvider clientAuthentication() {
		return new ClientIdOnly();
	}

	/**
	 * Wraps Spring's code exchange among the token endpoint's providers so that it issues
	 * a refresh token to a public client too.
	 */
	void issueAtCodeExchange(List<AuthenticationProvider> providers) {
		providers.replaceAll((provider) -> (provider instanceof OAuth2AuthorizationCodeAuthenticationProvider)
				? new CodeExchange(provider) : provider);
	}

	private @Nullable Authentication convert(HttpServletRequest request) {
		// The token endpoint reads its parameters from the form body only; a request
		// with a query string is left to the standard converters.
		if (!this.tokenEndpoint.matches(request) || request.getQueryString() != null
				|| !AuthorizationGrantType.REFRESH_TOKEN.getValue()
					.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
			return null;
		}
		String[] clientId = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (clientId == null) {
			return null;
		}
		if (clientId.length != 1 || !StringUtils.hasText(clientId[0])) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
		}
		return new OAuth2ClientAuthenticationToken(clientId[0], ClientAuthenticationMethod.NONE, null,
				Map.of(OAuth2ParameterNames.GRANT_TYPE, AuthorizationGrantType.REFRESH_TOKEN.getValue()));
	}

	private static boolean refreshes(RegisteredClient client) {
		return client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN);
	}

	private final class ClientIdOnly implements AuthenticationProvider {

		@Override
		public @Nullable Authentication authenticate(Authentication authentication) {
			OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
			if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
					|| !AuthorizationGrantType.REFRESH_TOKEN.getValue()
						.equals(request.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))) {
				// The code exchange with PKCE, or a client with a credential: not ours.
				return null;
			}
			RegisteredClient client = PublicClientRefresh.this.clients
				.findByClientId(request.getPrincipal().toString());
			if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
					|| !refreshes(client)) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
						"Client authentication failed: client_id", CLIENT_ERROR_URI));
			}
			return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

	/**
	 * Spring's code exchange, then a refresh token for a public client registered for the
	 * refresh grant (Spring's refresh-token generator skips public clients at the code
	 * exchange), saved to the same authorization: the family that rotation and reuse
	 * detection follow.
	 */
	private final class CodeExchange implements AuthenticationProvider {

		private final AuthenticationProvider standard;

		CodeExchange(AuthenticationProvider standard) {
			this.standard = standard;
		}

		@Override
		public @Nullable Authentication authenticate(Authentication authentication) {
			Authentication result = this.standard.authenticate(authentication);
			if (!(result instanceof OAuth2AccessTokenAuthenticationToken issued) || issued.getRefreshToken() != null
					|| !(issued.getPrincipal() instanceof OAuth2ClientAuthenticationToken client)
					|| !ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod())
					|| !refreshes(issued.getRegisteredClient())) {
				return result;
			}
			String code = ((OAuth2AuthorizationCodeAuthenticationToken) authentication).getCode();
			OAuth2Authorization authorization = PublicClientRefresh.this.authorizations.findByToken(code,
					AUTHORIZATION_CODE);
			if (authorization == null || authorization.getAccessToken() == null
					|| !authorization.getAccessToken()
						.getToken()
						.getTokenValue()
						.equals(issued.getAccessToken().getTokenValue())) {
				throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
						"The authorization just issued could not be read back.", null));
			}
			Instant now = PublicClientRefresh.this.clock.instant();
			OAuth2RefreshToken refreshToken = new OAuth2RefreshToken(PublicClientRefresh.this.tokenValues.generateKey(),
					now, now.plus(issued.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
			PublicClientRefresh.this.authorizations
				.save(OAuth2Authorization.from(authorization).refreshToken(refreshToken).build());
			return new OAuth2AccessTokenAuthenticationToken(issued.getRegisteredClient(), client,
					issued.getAccessToken(), refreshToken, issued.getAdditionalParameters());
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return this.standard.supports(authentication);
		}

	}

}
