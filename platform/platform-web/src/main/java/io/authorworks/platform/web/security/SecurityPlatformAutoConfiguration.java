package io.authorworks.platform.web.security;

import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Makes every servlet deployable an OAuth2 resource server with the platform's rules,
 * unless it declares its own security chains, and gives it a client-credentials identity
 * when one is configured.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
		OAuth2ClientWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ PlatformSecurityProperties.class, ServiceClientProperties.class })
@EnableMethodSecurity
public class SecurityPlatformAutoConfiguration {

	@Bean
	ResourceServerSecurity resourceServerSecurity(
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping,
			ObjectProvider<ApiAuthorizationRules> rules) {
		return new ResourceServerSecurity(mapping, rules.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain resourceServerFilterChain(HttpSecurity http, ResourceServerSecurity security) throws Exception {
		return security.apply(http).build();
	}

	/**
	 * Validates tokens against the issuer's published keys. Nimbus caches the key set and
	 * refetches it when a token names a key it has not seen, so rotated keys are picked
	 * up without a restart. Only access tokens are accepted ({@link AccessTokens}).
	 */
	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder jwtDecoder(PlatformSecurityProperties properties, ObjectProvider<EndedSessions> endedSessions) {
		JwtDecoder decoder = AccessTokens.decoder(properties.jwksUri().toString(), properties.issuer().toString());
		EndedSessions ended = endedSessions.getIfAvailable();
		return (ended != null) ? new SessionCheckingJwtDecoder(decoder, ended) : decoder;
	}

	/** Ended sign-ins are known where the deployable talks to Redis. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(StringRedisTemplate.class)
	static class EndedSessionsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EndedSessions endedSessions(ObjectProvider<StringRedisTemplate> redis) {
			return new EndedSessions(redis::getIfAvailable);
		}

	}

	/**
	 * Spring Security's strict firewall, with its default rules for header and parameter
	 * text checked without a regular expression ({@link FirewallText}).
	 */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	StrictHttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(FirewallText::isAllowed);
		firewall.setAllowedHeaderValues(FirewallText::isAllowed);
		firewall.setAllowedParameterNames(FirewallText::isAllowed);
		return firewall;
	}

	@Bean
	WebSecurityCustomizer platformHttpFirewall(HttpFirewall firewall) {
		return (web) -> web.httpFirewall(firewall).requestRejectedHandler(new ProblemRequestRejectedHandler());
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(ServiceClientConfigured.class)
	ServiceRestClients serviceRestClients(ServiceClientProperties properties, RestClient.Builder builder) {
		ClientRegistration.Builder registration = ClientRegistration
			.withRegistrationId(ServiceRestClients.REGISTRATION_ID)
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			// ServiceClientConfigured guarantees the token endpoint is set.
			.tokenUri(Objects.requireNonNull(properties.tokenUri()).toString());
		if (properties.scopes() != null && !properties.scopes().isBlank()) {
			registration.scope(List.of(properties.scopes().trim().split("\\s+")));
		}
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
				registration.build());
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
		manager
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return new ServiceRestClients(builder, manager);
	}

}
