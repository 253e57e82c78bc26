package io.authorworks.platform.web.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Matches requests whose handler method carries {@link PublicEndpoint}.
 */
public class PublicEndpointRequestMatcher implements RequestMatcher {

	private final RequestMappingHandlerMapping mapping;

	public PublicEndpointRequestMatcher(RequestMappingHandlerMapping mapping) {
		this.mapping = mapping;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		try {
			HandlerExecutionChain chain = this.mapping.getHandler(request);
			if (chain != null && chain.getHandler() instanceof HandlerMethod method) {
				return isPublic(method);
			}
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	static boolean isPublic(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PublicEndpoint.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class);
	}

}
