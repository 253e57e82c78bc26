package io.authorworks.gateway.bff;

import java.io.IOException;
import java.util.List;

import io.authorworks.platform.web.security.ProblemSecurityHandlers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What an unauthenticated request meets: a browser navigating to a page is sent to sign
 * in (and brought back afterwards); API calls and everything else get a {@code 401}
 * problem, because a redirect to a sign-in page is useless to a script.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

	private final ProblemSecurityHandlers problems = new ProblemSecurityHandlers();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (!isPageNavigation(request)) {
			this.problems.commence(request, response, authException);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String returnTo = (request.getQueryString() != null) ? path + "?" + request.getQueryString() : path;
		String location = UriComponentsBuilder.fromPath(request.getContextPath() + BffController.LOGIN_PATH)
			.queryParam("returnTo", returnTo)
			.encode()
			.build()
			.toUriString();
		response.sendRedirect(location);
	}

	static boolean isPageNavigation(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) || path.startsWith("/api/") || path.equals("/api")) {
			return false;
		}
		if ("navigate".equals(request.getHeader("Sec-Fetch-Mode"))) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			List<MediaType> types = MediaType.parseMediaTypes(accept);
			return types.stream().anyMatch((type) -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
