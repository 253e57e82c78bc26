package io.authorworks.gateway.bff;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After sign-in, sends the browser back to the page it asked for in
 * {@code /bff/login?returnTo=}, or to the home page.
 */
final class ReturnToSuccessHandler implements AuthenticationSuccessHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		response.sendRedirect(request.getContextPath() + ReturnTo.take(request));
	}

}
