package io.authorworks.gateway.routing;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.authorworks.platform.web.WithoutHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Leaves the preconditions of a proxied read to the service that answers it. The gateway
 * (Spring Cloud Gateway's response) would otherwise compare {@code If-None-Match} with
 * the service's ETag itself and answer {@code 304} without ever reading or closing the
 * service's answer: the answer's pooled connection stayed leased for good, and a service
 * that had decided to answer in full (the content-service does, because its version ETags
 * do not cover every field) was overruled with a stale {@code 304}.
 * <p>
 * So on a read bound for a service the gateway does not see {@code If-None-Match},
 * {@code If-Modified-Since}, {@code If-Match} or {@code If-Unmodified-Since}; they are
 * kept aside and put back on the request to the service ({@link #restore()}), whose
 * answer, {@code 304} included, goes to the caller as it is. Requests the gateway answers
 * itself (the web app's files) keep their preconditions. After every request, a service's
 * answer that is still open is closed, so no path can keep a connection.
 */
final class ServiceConditions extends OncePerRequestFilter {

	private static final List<String> CONDITIONS = List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE,
			HttpHeaders.IF_MATCH, HttpHeaders.IF_UNMODIFIED_SINCE);

	private static final String KEPT = ServiceConditions.class.getName() + ".kept";

	private final List<PathPattern> proxied;

	ServiceConditions(RoutingProperties routes) {
		PathPatternParser parser = PathPatternParser.defaultInstance;
		this.proxied = Stream
			.concat(routes.active().values().stream().flatMap((service) -> service.apiPaths().stream()),
					Stream.concat(routes.pagePaths().stream(), Stream.of("/api-docs/*")))
			.distinct()
			.map(parser::parse)
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(isProxiedRead(request) ? withoutConditions(request) : request, response);
		}
		finally {
			if (request.getAttribute(MvcUtils.CLIENT_RESPONSE_ATTR) instanceof ClientHttpResponse answer) {
				answer.close();
			}
		}
	}

	private boolean isProxiedRead(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)
				|| CONDITIONS.stream().allMatch((name) -> request.getHeader(name) == null)) {
			return false;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return this.proxied.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	private static HttpServletRequest withoutConditions(HttpServletRequest request) {
		HttpHeaders kept = new HttpHeaders();
		for (String name : CONDITIONS) {
			List<String> values = Collections.list(request.getHeaders(name));
			if (!values.isEmpty()) {
				kept.addAll(name, values);
			}
		}
		request.setAttribute(KEPT, kept);
		return new WithoutHeaders(request, CONDITIONS);
	}

	/** Puts the preconditions kept aside back on the request to the service. */
	static Function<ServerRequest, ServerRequest> restore() {
		return (request) -> (request.servletRequest().getAttribute(KEPT) instanceof HttpHeaders kept)
				? ServerRequest.from(request).headers((headers) -> headers.addAll(kept)).build() : request;
	}

}
