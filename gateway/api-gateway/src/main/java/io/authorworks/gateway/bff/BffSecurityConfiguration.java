package io.authorworks.gateway.bff;

import java.util.List;

import io.authorworks.gateway.routing.RoutingProperties;
import io.authorworks.platform.web.security.ResourceServerSecurity;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestClient;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The gateway's three kinds of callers, each with its own security chain:
 * <ol>
 * <li>API clients with a bearer token: validated here (so rate limits know the user),
 * then passed through untouched; stateless, no CSRF.</li>
 * <li>The services' own pages and endpoints (sign-in forms, OIDC endpoints): passed
 * through; the service protects them, including their CSRF tokens.</li>
 * <li>Browsers: signed in through OIDC, with the tokens kept in Redis beside the session,
 * a CSRF token bound to the session that the web app reads from {@code /bff/session}, and
 * token relay to the API.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class BffSecurityConfiguration {

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private static final RequestMatcher BEARER = (request) -> {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	};

	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	private static final RequestMatcher LOGOUT = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/bff/logout");

	/** Signing out with no session has nothing to protect: it only goes home. */
	private static final RequestMatcher LOGOUT_WITHOUT_SESSION = (request) -> LOGOUT.matches(request)
			&& request.getSession(false) == null;

	private static final RequestMatcher INTERNAL_DISPATCH = new OrRequestMatcher(
			new DispatcherTypeRequestMatcher(DispatcherType.FORWARD),
			new DispatcherTypeRequestMatcher(DispatcherType.ERROR));

	@Bean
	@Order(1)
	SecurityFilterChain bearerApiChain(HttpSecurity http, ResourceServerSecurity resourceServer, EdgeProperties edge)
			throws Exception {
		http.securityMatcher(new AndRequestMatcher(API, BEARER));
		edgeHeaders(http, edge, true);
		return resourceServer.apply(http).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain servicePagesChain(HttpSecurity http, RoutingProperties routes, EdgeProperties edge)
			throws Exception {
		List<RequestMatcher> pages = routes.pagePaths()
			.stream()
			.map((path) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
			.toList();
		http.securityMatcher(pages.isEmpty() ? (request) -> false : new OrRequestMatcher(pages))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// The service renders these forms and checks their CSRF tokens itself.
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll());
		edgeHeaders(http, edge, false);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain browserChain(HttpSecurity http, RoutingProperties routes, EdgeProperties edge,
			SignInProperties signIn, RoleAwareOidcUserService oidcUserService,
			OAuth2AuthorizedClientRepository authorizedClients, RestClient.Builder restClients,
			ObjectProvider<LogoutHandler> signOutListeners) throws Exception {
		List<String> publicApi = routes.publicApiPaths();
		// The CSRF token lives in the session (Redis), so it is bound to it: a token from
		// another browser's session does not pass. The web app reads it from
		// /bff/session.
		HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
		csrfTokens.setHeaderName(CSRF_HEADER);
		SignInEntryPoint entryPoint = new SignInEntryPoint();
		CsrfAwareAccessDeniedHandler accessDenied = new CsrfAwareAccessDeniedHandler();
		http.authorizeHttpRequests((authorize) -> {
			authorize.requestMatchers(INTERNAL_DISPATCH).permitAll();
			for (String path : publicApi) {
				authorize.requestMatchers(publicApiRequests(path)).permitAll();
			}
			authorize.requestMatchers(API).authenticated();
			authorize.anyRequest().permitAll();
		})
			.oauth2Login((login) -> login.loginPage(SignInProperties.START_PATH)
				.authorizationEndpoint((endpoint) -> endpoint.baseUri(SignInProperties.AUTHORIZATION_BASE))
				.redirectionEndpoint((endpoint) -> endpoint.baseUri(SignInProperties.CALLBACK_BASE + "/*"))
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(oidcUserService))
				.successHandler(new ReturnToSuccessHandler())
				.failureHandler((request, response, exception) -> response
					.sendRedirect(request.getContextPath() + "/?signInFailed")))
			.logout((logout) -> {
				logout.logoutRequestMatcher(LOGOUT)
					.addLogoutHandler(new RefreshTokenRevocation(authorizedClients, restClients.build()));
				// Others that must know of a sign-out here while the session still exists
				// (the live connections it holds).
				signOutListeners.orderedStream().forEach(logout::addLogoutHandler);
				logout.logoutSuccessHandler(
						new RpInitiatedLogout(signIn.endSessionUri(), signIn.postLogoutRedirectUri()));
			})
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(new XorCsrfTokenRequestAttributeHandler())
				.ignoringRequestMatchers(INTERNAL_DISPATCH, LOGOUT_WITHOUT_SESSION))
			// Sign-in returns to the page given to /bff/login; nothing else is replayed.
			.requestCache((cache) -> cache.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
		edgeHeaders(http, edge, true);
		return http.build();
	}

	/**
	 * A public API path, {@code /api/content/public/**}, or a method and a path,
	 * {@code GET /api/users/by-username/*}, when only that method is public.
	 */
	static RequestMatcher publicApiRequests(String entry) {
		String[] parts = entry.trim().split("\\s+", 2);
		return (parts.length == 2)
				? PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1])
				: PathPatternRequestMatcher.withDefaults().matcher(parts[0]);
	}

	/**
	 * Spring Security's default headers plus a referrer policy, and for what the gateway
	 * answers itself a Content-Security-Policy that forbids framing. The services' pages
	 * keep their own policy.
	 */
	private static void edgeHeaders(HttpSecurity http, EdgeProperties edge, boolean withPolicy) throws Exception {
		http.headers((headers) -> {
			headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
			headers.frameOptions((frames) -> frames.deny());
			if (withPolicy) {
				headers.contentSecurityPolicy((csp) -> csp.policyDirectives(edge.contentSecurityPolicy()));
			}
		}).cors((cors) -> cors.configurationSource(corsSource(edge)));
	}

	private static CorsConfigurationSource corsSource(EdgeProperties edge) {
		List<String> origins = edge.allowedOrigins();
		if (origins.isEmpty()) {
			return (HttpServletRequest request) -> null;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(origins);
		configuration.setAllowCredentials(true);
		configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-XSRF-TOKEN", "X-Request-Id",
				"Idempotency-Key", "If-Match", "If-None-Match", "Last-Event-ID"));
		configuration.setExposedHeaders(
				List.of("X-Request-Id", "Location", "ETag", "Retry-After", "RateLimit", "RateLimit-Policy"));
		configuration.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

}
