package io.authorworks.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import io.authorworks.platform.web.RequestIdFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends a request on to the service instance the load balancer chose, as Spring Cloud
 * Gateway's {@code http()} handler does, with three differences a transparent proxy
 * needs.
 * <ul>
 * <li>The query goes on exactly as the caller sent it. Spring's handler decodes every
 * parameter and encodes it again, and failed with a {@code 500} on values it cannot
 * re-encode the same way, such as {@code genre=a=b} or a padded base64 cursor
 * ({@code cursor=YWJj==}); where it succeeded it could still change what the service
 * saw.</li>
 * <li>A {@code Location} or {@code Content-Location} the service gives as a path is a
 * path of the service; behind the gateway it is put under the route's public prefix
 * ({@code /content/books/1} becomes {@code /api/content/books/1}).</li>
 * <li>The service's {@code X-Request-Id} is left out: it is the id the gateway sent it,
 * which the gateway's answer already carries, and a second copy of the header made it a
 * list.</li>
 * </ul>
 */
final class ServiceProxy {

	private final ProxyExchange exchange;

	private final ObjectProvider<RequestHttpHeadersFilter> requestFilterBeans;

	private final ObjectProvider<ResponseHttpHeadersFilter> responseFilterBeans;

	private volatile @Nullable List<RequestHttpHeadersFilter> requestFilters;

	private volatile @Nullable List<ResponseHttpHeadersFilter> responseFilters;

	ServiceProxy(ProxyExchange exchange, ObjectProvider<RequestHttpHeadersFilter> requestFilters,
			ObjectProvider<ResponseHttpHeadersFilter> responseFilters) {
		this.exchange = exchange;
		this.requestFilterBeans = requestFilters;
		this.responseFilterBeans = responseFilters;
	}

	/**
	 * Removes a leading path prefix ({@code /api}) without touching the query, where
	 * Spring's {@code stripPrefix} rebuilds the whole URI and refuses queries it would
	 * encode differently.
	 */
	static Function<ServerRequest, ServerRequest> stripPrefix(String prefix) {
		return (request) -> {
			URI uri = request.uri();
			MvcUtils.addOriginalRequestUrl(request, uri);
			String path = uri.getRawPath();
			String stripped = path.startsWith(prefix + "/") ? path.substring(prefix.length()) : "/";
			return ServerRequest.from(request).uri(withPathAndQuery(uri, stripped, uri.getRawQuery())).build();
		};
	}

	/** Replaces the path, keeping the query as it came. */
	static Function<ServerRequest, ServerRequest> setPath(String path) {
		return (request) -> {
			URI uri = request.uri();
			MvcUtils.addOriginalRequestUrl(request, uri);
			return ServerRequest.from(request).uri(withPathAndQuery(uri, path, uri.getRawQuery())).build();
		};
	}

	/**
	 * Proxies to the service, putting its paths in answers under {@code publicPrefix}.
	 */
	HandlerFunction<ServerResponse> to(String publicPrefix) {
		return (request) -> handle(request, publicPrefix);
	}

	private ServerResponse handle(ServerRequest request, String publicPrefix) {
		URI instance = (URI) request.attribute(MvcUtils.GATEWAY_REQUEST_URL_ATTR)
			.orElseThrow(() -> new IllegalStateException("No service instance was chosen"));
		URI uri = request.uri();
		URI target = withPathAndQuery(instance, uri.getRawPath(), uri.getRawQuery());
		HttpHeaders headers = filter(requestFilters(), request.headers().asHttpHeaders(), request);
		headers.remove(HttpHeaders.HOST);
		ProxyExchange.Request proxied = this.exchange.request(request)
			.uri(target)
			.headers(headers)
			.responseConsumer((response, serverResponse) -> {
				HttpHeaders answer = filter(responseFilters(), response.getHeaders(), serverResponse);
				answer.remove(RequestIdFilter.HEADER);
				underPrefix(answer, HttpHeaders.LOCATION, publicPrefix);
				underPrefix(answer, HttpHeaders.CONTENT_LOCATION, publicPrefix);
				serverResponse.headers().putAll(answer);
			})
			.build();
		return this.exchange.exchange(proxied);
	}

	/**
	 * Puts a header that holds a path (not a URL, not a relative reference) under the
	 * prefix.
	 */
	static void underPrefix(HttpHeaders headers, String name, String prefix) {
		String value = headers.getFirst(name);
		if (prefix.isEmpty() || value == null || !value.startsWith("/") || value.startsWith("//")) {
			return;
		}
		headers.set(name, prefix + value);
	}

	private static URI withPathAndQuery(URI base, String rawPath, @Nullable String rawQuery) {
		StringBuilder uri = new StringBuilder().append(base.getScheme()).append("://").append(base.getRawAuthority());
		uri.append(rawPath.isEmpty() ? "/" : rawPath);
		if (rawQuery != null) {
			uri.append('?').append(rawQuery);
		}
		return URI.create(uri.toString());
	}

	private List<RequestHttpHeadersFilter> requestFilters() {
		List<RequestHttpHeadersFilter> filters = this.requestFilters;
		if (filters == null) {
			filters = this.requestFilterBeans.orderedStream().toList();
			this.requestFilters = filters;
		}
		return filters;
	}

	private List<ResponseHttpHeadersFilter> responseFilters() {
		List<ResponseHttpHeadersFilter> filters = this.responseFilters;
		if (filters == null) {
			filters = this.responseFilterBeans.orderedStream().toList();
			this.responseFilters = filters;
		}
		return filters;
	}

	private static <T> HttpHeaders filter(List<? extends HttpHeadersFilter<T>> filters, HttpHeaders headers,
			T subject) {
		HttpHeaders filtered = headers;
		for (HttpHeadersFilter<T> filter : filters) {
			filtered = filter.apply(filtered, subject);
		}
		return filtered;
	}

}
