package io.authorworks.gateway.routing;

import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.Problems;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;

/**
 * Relays the signed-in browser's access token with the gateway's {@code TokenRelay}
 * filter (which renews an expired token with the refresh token first). Requests that
 * carry their own bearer token pass untouched. When the tokens cannot be renewed any more
 * the session is over: it is ended and the caller gets a {@code 401} problem.
 */
final class SessionTokenRelay implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private final HandlerFilterFunction<ServerResponse, ServerResponse> relay = tokenRelay();

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		if (!(request.servletRequest().getUserPrincipal() instanceof OAuth2AuthenticationToken)) {
			return next.handle(request);
		}
		try {
			return this.relay.filter(request, next);
		}
		catch (OAuth2AuthorizationException ex) {
			HttpSession session = request.servletRequest().getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			ProblemDetail problem = Problems.of(ProblemType.UNAUTHENTICATED, "Your sign-in has expired. Sign in again.",
					request.servletRequest());
			return ServerResponse.status(problem.getStatus())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
	}

}
