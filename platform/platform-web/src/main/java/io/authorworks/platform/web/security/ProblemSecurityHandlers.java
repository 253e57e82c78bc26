package io.authorworks.platform.web.security;

import java.io.IOException;

import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers {@code 401} and {@code 403} with problem documents, keeping the
 * {@code WWW-Authenticate} challenge that bearer-token clients expect.
 */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		boolean invalidToken = authException instanceof InvalidBearerTokenException;
		response.setHeader("WWW-Authenticate", invalidToken
				? "Bearer error=\"invalid_token\", error_description=\"The token is not valid\"" : "Bearer");
		String detail = invalidToken ? "The bearer token is invalid or expired."
				: "Sign in, or send a valid bearer token.";
		Problems.write(response, Problems.of(ProblemType.UNAUTHENTICATED, detail, request));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		Problems.write(response, Problems.of(ProblemType.FORBIDDEN, "You are not allowed to do this.", request));
	}

}
