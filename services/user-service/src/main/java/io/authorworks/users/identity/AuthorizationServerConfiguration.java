package io.authorworks.users.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import io.authorworks.platform.web.security.AccessTokens;
import io.authorworks.platform.web.security.EndedSessions;
import io.authorworks.platform.web.security.SessionCheckingJwtDecoder;
import io.authorworks.platform.web.security.PlatformSecurityProperties;
import io.authorworks.platform.web.security.ResourceServerSecurity;
import io.authorworks.users.IdentityProperties;
import io.authorworks.users.account.AccountSignIn;
import io.authorworks.users.account.UserAccounts;
import io.authorworks.users.federation.FederatedSignIn;
import io.authorworks.users.passkey.PasskeySignIn;
import io.authorworks.users.twofactor.TwoFactorSignIn;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three security chains: the authorization server's own endpoints, the bearer-token REST
 * API, and the session-based sign-in pages that the authorization endpoint sends people
 * to (password, the optional second factor, and any configured external providers).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, RotatingRefreshTokens authorizations,
			AuthorizationServerSettings settings, TwoFactorSignIn twoFactor, PublicClientRefresh publicClientRefresh,
			RegisteredClientRepository clients, IdentityProperties identity, SigningKeys keys) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.authorizationService(authorizations).oidc(Customizer.withDefaults());
			// The CLI (a public client) gets refresh tokens and redeems them by
			// client_id.
			server
				.clientAuthentication(
						(authentication) -> authentication.authenticationConverter(publicClientRefresh.converter())
							.authenticationProvider(publicClientRefresh.clientAuthentication()))
				.tokenEndpoint((token) -> token.authenticationProviders(publicClientRefresh::issueAtCodeExchange));
		});
		// Client errors at the token endpoints are JSON for any Accept, and only a page
		// that asks for HTML by name is sent to sign in (curl and client libraries accept
		// */*).
		ClientErrorResponses clientErrors = new ClientErrorResponses(clients, settings);
		MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		// The authorization endpoint runs after the AuthorizationFilter, so this rule
		// decides whether one factor is enough; when the second is missing, Spring
		// Security's missing-authority handler saves the request and asks for it.
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(settings.getAuthorizationEndpoint())
			.access(twoFactor.authorizationRule())
			.anyRequest()
			.authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(clientErrors, clientErrors.endpoints())
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers)
				.defaultDeniedHandlerForMissingAuthority(twoFactor.entryPoint(), TwoFactorSignIn.factor()))
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		http.oauth2AuthorizationServer(
				(server) -> server.clientAuthentication((client) -> client.errorResponseHandler(clientErrors)));
		SignOutErrors signOutErrors = new SignOutErrors(identity, keys, settings.getIssuer());
		http.oauth2AuthorizationServer((server) -> server
			.oidc((oidc) -> oidc.logoutEndpoint((logout) -> logout.errorResponseHandler(signOutErrors))));
		signInPageHeaders(http, identity);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
		http.securityMatcher("/users/**", "/admin/**", "/internal/**", "/v3/api-docs", "/v3/api-docs/**",
				"/actuator/**");
		return resourceServer.apply(http).build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pagesChain(HttpSecurity http, DaoAuthenticationProvider passwordSignIn,
			TwoFactorSignIn twoFactor, FederatedSignIn federated, PasskeySignIn passkeys,
			ObjectProvider<ClientRegistrationRepository> externalProviders, IdentityProperties identity)
			throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler afterSignIn = afterSignIn(identity);
		AbstractAuthenticationProcessingFilter secondFactor = twoFactor.filter();
		secondFactor.setAuthenticationSuccessHandler(afterSignIn);
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/login", "/signup", "/verify-email", "/verify-email/resend", "/password-reset",
					"/password-reset/confirm", "/auth-assets/**", "/error", "/favicon.ico")
			.permitAll()
			.requestMatchers(HttpMethod.DELETE, PasskeySignIn.SPRING_REMOVAL)
			.denyAll()
			.requestMatchers(PasskeySignIn.MANAGEMENT)
			.access(twoFactor.authorizationRule())
			.anyRequest()
			.authenticated())
			.authenticationProvider(passwordSignIn)
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("login")
				.successHandler(twoFactor.afterFirstFactor(afterSignIn))
				.failureHandler(failureHandler()))
			.addFilterAfter(secondFactor, UsernamePasswordAuthenticationFilter.class)
			.webAuthn(passkeys.configuration())
			.addFilterBefore(passkeys.registrationProblems(), AuthorizationFilter.class)
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		if (externalProviders.getIfAvailable() != null) {
			http.oauth2Login((login) -> login.loginPage("/login")
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(federated.userService()))
				.successHandler(federated.successHandler(twoFactor.afterFirstFactor(afterSignIn)))
				.failureHandler(federated.failureHandler()));
		}
		signInPageHeaders(http, identity);
		return http.build();
	}

	/**
	 * Back to the request that asked for sign-in; with none (someone opened
	 * {@code /login} directly), into the app through its own sign-in start, which signs
	 * the browser in there and opens the dashboard.
	 */
	private static SavedRequestAwareAuthenticationSuccessHandler afterSignIn(IdentityProperties identity) {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setDefaultTargetUrl(identity.publicUrl().resolve(identity.afterVerificationUrl()).toString());
		return handler;
	}

	/**
	 * The sign-in pages' Content-Security-Policy, on top of Spring Security's headers.
	 */
	private static void signInPageHeaders(HttpSecurity http, IdentityProperties identity) throws Exception {
		String policy = SignInPagesPolicy.of(identity);
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy)));
	}

	private static SimpleUrlAuthenticationFailureHandler failureHandler() {
		return new SimpleUrlAuthenticationFailureHandler() {
			@Override
			public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response,
					org.springframework.security.core.AuthenticationException exception) throws java.io.IOException {
				String code = switch (exception) {
					case LockedException locked -> "locked";
					case DisabledException disabled ->
						"suspended".equals(disabled.getMessage()) ? "suspended" : "unverified";
					default -> "credentials";
				};
				getRedirectStrategy().sendRedirect(request, response, "/login?error=" + code);
			}
		};
	}

	@Bean
	DaoAuthenticationProvider passwordSignIn(AccountSignIn accounts, PasswordEncoder passwords) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwords);
		provider.setPreAuthenticationChecks(AccountSignIn.beforePassword());
		provider.setPostAuthenticationChecks(accounts.afterPassword());
		return provider;
	}

	/**
	 * Argon2id for new hashes; bcrypt still verifies for accounts imported from
	 * elsewhere.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(PlatformSecurityProperties security) {
		return AuthorizationServerSettings.builder().issuer(security.issuer().toString()).build();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
		return new JdbcRegisteredClientRepository(jdbc);
	}

	@Bean
	RotatingRefreshTokens authorizationService(JdbcTemplate jdbcTemplate, JdbcClient jdbc,
			RegisteredClientRepository clients, EndedSessions endedSessions, IdentityProperties identity, Clock clock) {
		return new RotatingRefreshTokens(new JdbcOAuth2AuthorizationService(jdbcTemplate, clients), jdbc, endedSessions,
				identity.accessTokenTtl(), identity.refreshTokenReuseInterval(), clock);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc,
			RegisteredClientRepository clients) {
		return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(UserAccounts accounts, SigningKeys keys) {
		return new TokenClaims(accounts, keys);
	}

	/**
	 * The API validates tokens against this service's own keys, without a network round
	 * trip.
	 */
	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, PlatformSecurityProperties security, EndedSessions endedSessions) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwtProcessorCustomizer(AccessTokens.typeCheck())
			.build();
		decoder.setJwtValidator(AccessTokens.validator(security.issuer().toString()));
		return new SessionCheckingJwtDecoder(decoder, endedSessions);
	}

	@Bean
	ApplicationRunner signingKeyAtStartup(SigningKeys keys) {
		return (args) -> keys.ensureKey();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
