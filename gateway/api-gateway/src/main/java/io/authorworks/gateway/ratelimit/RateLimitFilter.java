package io.authorworks.gateway.ratelimit;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the rate limits. Sign-in, sign-up, token and password-reset requests are
 * counted per client address; API calls per signed-in user (from the bearer token or the
 * session) or, for anonymous calls, per client address. Every counted response carries
 * the IETF {@code RateLimit-Policy} and {@code RateLimit} headers; a request over the
 * budget gets a {@code 429} with {@code Retry-After} ({@link TooManyRequests}).
 *
 * <p>
 * The client address is the connection's, or the one a trusted proxy put in
 * {@code X-Forwarded-For} (resolved by the servlet container before this filter runs).
 *
 * <p>
 * Runs after Spring Security, so it knows the user. When Redis cannot be reached the
 * request is let through: losing the limit for a moment beats refusing every user.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private static final RequestMatcher SIGN_IN = new OrRequestMatcher(List
		.of("/login", "/login/two-factor", "/signup", "/signup/**", "/oauth2/token", "/password-reset",
				"/password-reset/**")
		.stream()
		.map((path) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path))
		.toList());

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private final RedisRateLimits limits;

	private final RatePolicy signIn;

	private final RatePolicy api;

	RateLimitFilter(RedisRateLimits limits, RateLimitProperties properties) {
		this.limits = limits;
		this.signIn = new RatePolicy("sign-in", properties.signInPerMinute());
		this.api = new RatePolicy("api", properties.apiPerMinute());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RatePolicy policy = policyFor(request);
		if (policy == null) {
			chain.doFilter(request, response);
			return;
		}
		RateDecision decision;
		try {
			decision = this.limits.take(policy, callerFor(policy, request));
		}
		catch (RuntimeException ex) {
			log.warn("Rate limit not checked, Redis did not answer: {}", ex.getMessage());
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("RateLimit-Policy", policy.policyHeader());
		response.setHeader("RateLimit", decision.header(policy));
		if (!decision.allowed()) {
			TooManyRequests.write(request, response, decision);
			return;
		}
		chain.doFilter(request, response);
	}

	private @Nullable RatePolicy policyFor(HttpServletRequest request) {
		if (SIGN_IN.matches(request)) {
			return this.signIn;
		}
		if (API.matches(request)) {
			return this.api;
		}
		return null;
	}

	private static String callerFor(RatePolicy policy, HttpServletRequest request) {
		if (!"sign-in".equals(policy.name())) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.isAuthenticated()
					&& !(authentication instanceof AnonymousAuthenticationToken)) {
				return "user:" + authentication.getName();
			}
		}
		return "ip:" + request.getRemoteAddr();
	}

}
