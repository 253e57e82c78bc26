package io.authorworks.gateway.bff;

import java.io.IOException;

import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.Problems;
import io.authorworks.platform.web.security.ProblemSecurityHandlers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers a missing or wrong CSRF token with its own problem type, so the web app can
 * tell "reload the token" from "you may not do this".
 */
final class CsrfAwareAccessDeniedHandler implements AccessDeniedHandler {

	static final ProblemType CSRF_FAILED = new ProblemType("csrf-token-invalid",
			"The CSRF token is missing or does not match", 403);

	private final ProblemSecurityHandlers problems = new ProblemSecurityHandlers();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		if (accessDeniedException instanceof CsrfException) {
			Problems.write(response, Problems.of(CSRF_FAILED,
					"Send the csrfToken of GET /bff/session in the X-XSRF-TOKEN header with every change.", request));
			return;
		}
		this.problems.handle(request, response, accessDeniedException);
	}

}
