package io.authorworks.platform.web.security;

import java.util.List;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Applies the platform's resource-server defaults to a security chain: stateless, bearer
 * JWTs only, health/metrics/API docs and {@link PublicEndpoint} methods open, everything
 * else authenticated, and problem documents for 401/403. Services with extra chains (the
 * authorization server) call it too.
 */
public class ResourceServerSecurity {

	private final RequestMappingHandlerMapping mapping;

	private final List<ApiAuthorizationRules> rules;

	private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers();

	public ResourceServerSecurity(RequestMappingHandlerMapping mapping, List<ApiAuthorizationRules> rules) {
		this.mapping = mapping;
		this.rules = rules;
	}

	public HttpSecurity apply(HttpSecurity http) {
		// A bearer request leaves alone any session it arrives with. Session-fixation
		// protection would otherwise give that session a new id on every API call that
		// also carries the cookie (the user-service's sign-in session, forwarded by the
		// gateway), and parallel calls would lose the session between them.
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
			.sessionFixation((fixation) -> fixation.none()))
			// Bearer tokens are not sent automatically by browsers, so CSRF cannot apply
			// here.
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((authorize) -> {
				authorize.requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll();
				authorize.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/error").permitAll();
				authorize.requestMatchers(new PublicEndpointRequestMatcher(this.mapping)).permitAll();
				this.rules.forEach((rule) -> rule.configure(authorize));
				authorize.anyRequest().authenticated();
			})
			.oauth2ResourceServer((oauth2) -> oauth2
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(JwtAuthorities.authenticationConverter()))
				.authenticationEntryPoint(this.handlers)
				.accessDeniedHandler(this.handlers))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(this.handlers)
				.accessDeniedHandler(this.handlers));
		return http;
	}

}
