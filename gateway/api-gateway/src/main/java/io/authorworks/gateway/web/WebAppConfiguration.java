package io.authorworks.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.authorworks.gateway.routing.RoutingProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Serves the single-page web app from {@code classpath:/static/}. Hashed build output
 * under {@code /assets/} is cached for a year; everything else is revalidated. A browser
 * navigation to a path that is not a file, an API, a service page or one of the gateway's
 * own endpoints gets {@code index.html}, so the app's client-side routes survive a
 * reload. Static files come after controllers and routes, so they never shadow them.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebMvcConfigurer {

	static final String INDEX = "static/index.html";

	private static final List<String> RESERVED = List.of("/api", "/api/**", "/api-docs", "/api-docs/**", "/bff/**",
			"/actuator/**", "/oauth2/**", "/login/**", "/v3/**", "/swagger-ui/**", "/swagger-ui.html", "/fallback/**",
			"/error");

	private final List<PathPattern> reserved;

	WebAppConfiguration(RoutingProperties routes) {
		List<String> patterns = new ArrayList<>(RESERVED);
		patterns.addAll(routes.pagePaths());
		routes.services().values().forEach((service) -> patterns.addAll(service.apiPaths()));
		this.reserved = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/").setViewName("forward:/index.html");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(false)
			.addResolver(new AppRouteResolver());
	}

	/** Whether a request is a browser navigation to one of the web app's own routes. */
	boolean isAppRoute(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			if (MediaType.parseMediaTypes(accept).stream().noneMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype)) {
				return false;
			}
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		var path = org.springframework.http.server.PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return this.reserved.stream().noneMatch((pattern) -> pattern.matches(path));
	}

	private final class AppRouteResolver extends PathResourceResolver {

		private final Resource index = new ClassPathResource(INDEX);

		@Override
		protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			Resource resource = super.resolveResourceInternal(request, requestPath, locations, chain);
			if (resource != null) {
				return resource;
			}
			return (request != null && isAppRoute(request) && this.index.exists()) ? this.index : null;
		}

	}

}
