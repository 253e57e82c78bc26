package io.authorworks.platform.web.security;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link Caller} and {@link Caller.User} controller parameters from the security
 * context.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == Caller.class || type == Caller.User.class || type == Caller.Service.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Class<?> type = parameter.getParameterType();
		if (type == Caller.User.class) {
			return Caller.requireUser(authentication);
		}
		Caller caller = Caller.from(authentication);
		if (type == Caller.Service.class && !(caller instanceof Caller.Service)) {
			throw new io.authorworks.platform.core.ProblemException(io.authorworks.platform.core.ProblemType.FORBIDDEN,
					"This endpoint is for AuthorWorks services only.");
		}
		return caller;
	}

}
