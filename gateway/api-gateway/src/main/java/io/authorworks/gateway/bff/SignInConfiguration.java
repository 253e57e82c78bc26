package io.authorworks.gateway.bff;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.authorworks.gateway.routing.RoutingProperties;
import io.authorworks.platform.web.security.EndedSessions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The gateway as an OIDC client: its registration at the user-service, where the tokens
 * it gets are kept (in Redis beside the session, never in the browser), and how they are
 * renewed.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(SignInProperties signIn, RoutingProperties routes,
			@Value("${authorworks.gateway.sign-in.provider-service:users}") String providerService) {
		URI provider = providerBase(routes, providerService);
		URI tokenUri = (signIn.tokenUri() != null) ? signIn.tokenUri() : provider.resolve("/oauth2/token");
		URI userInfoUri = (signIn.userInfoUri() != null) ? signIn.userInfoUri() : provider.resolve("/userinfo");
		URI revocationUri = (signIn.revocationUri() != null) ? signIn.revocationUri()
				: provider.resolve("/oauth2/revoke");
		List<String> scopes = (signIn.scopes() != null && !signIn.scopes().isEmpty()) ? signIn.scopes()
				: List.of("openid", "profile", "email");
		ClientRegistration registration = ClientRegistration.withRegistrationId(SignInProperties.REGISTRATION_ID)
			.clientName("AuthorWorks")
			.clientId(signIn.clientId())
			.clientSecret(signIn.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(signIn.redirectUri())
			.scope(scopes)
			.authorizationUri(signIn.authorizationUri().toString())
			.tokenUri(tokenUri.toString())
			.jwkSetUri(signIn.jwkSetUri().toString())
			.userInfoUri(userInfoUri.toString())
			.userNameAttributeName(IdTokenClaimNames.SUB)
			// Set by hand, not discovered: discovery would make the gateway call itself
			// at
			// start-up. With it set, every ID token's iss is checked against it.
			.issuerUri(signIn.issuer().toString())
			.providerConfigurationMetadata(Map.of("end_session_endpoint", signIn.endSessionUri().toString(),
					"revocation_endpoint", revocationUri.toString()))
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	private static URI providerBase(RoutingProperties routes, String providerService) {
		RoutingProperties.Service service = routes.active().get(providerService);
		if (service == null) {
			throw new IllegalStateException("The sign-in provider service '" + providerService
					+ "' has no URL; set USER_SERVICE_URL or the OIDC_* endpoint variables");
		}
		return service.instances().getFirst();
	}

	/** Keeps each browser session's tokens in Redis, by a handle in the session. */
	@Bean
	SessionTokens authorizedClientRepository(StringRedisTemplate redis, ClientRegistrationRepository registrations,
			@Value("${spring.session.timeout:8h}") Duration sessionTimeout) {
		return new SessionTokens(redis, registrations, sessionTimeout);
	}

	/**
	 * Gives out a valid access token for a session, renewing it once per session however
	 * many requests and replicas need it at the same moment.
	 */
	@Bean
	SingleFlightRenewal authorizedClientManager(ClientRegistrationRepository registrations, SessionTokens tokens,
			StringRedisTemplate redis, EndedSessions endedSessions, SignInProperties signIn) {
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, tokens);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken((refresh) -> refresh.clockSkew(signIn.renewBefore()))
			.build());
		return new SingleFlightRenewal(manager, tokens, redis, endedSessions, signIn.renewBefore(),
				Duration.ofSeconds(10), Clock.systemUTC());
	}

	@Bean
	static EndedSessionSaves endedSessionSaves() {
		return new EndedSessionSaves();
	}

	@Bean
	RoleAwareOidcUserService oidcUserService(JwtDecoder accessTokens) {
		return new RoleAwareOidcUserService(accessTokens);
	}

}
