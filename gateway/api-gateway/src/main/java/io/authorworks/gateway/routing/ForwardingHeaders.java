package io.authorworks.gateway.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Cleans a request before it leaves the gateway. Forwarding headers a client sent are
 * dropped, because the gateway is the trust boundary: it writes fresh
 * {@code X-Forwarded-*} headers from what it resolved itself (the client address comes
 * from the connection, or from {@code X-Forwarded-For} only when a trusted proxy sent
 * it). The gateway's own cookies (session, CSRF) stay at the gateway.
 */
final class ForwardingHeaders {

	private ForwardingHeaders() {
	}

	static Function<ServerRequest, ServerRequest> clean(Set<String> gatewayCookies) {
		Set<String> ownCookies = gatewayCookies.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		return (request) -> ServerRequest.from(request).headers((headers) -> {
			List<String> forwarding = headers.headerNames()
				.stream()
				.filter((name) -> name.equalsIgnoreCase("Forwarded")
						|| name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-"))
				.toList();
			forwarding.forEach(headers::remove);
			List<String> cookies = headers.get(HttpHeaders.COOKIE);
			if (cookies != null) {
				String kept = cookies.stream()
					.flatMap((header) -> Arrays.stream(header.split(";")))
					.map(String::trim)
					.filter((pair) -> !pair.isEmpty() && !ownCookies.contains(cookieName(pair)))
					.collect(Collectors.joining("; "));
				headers.remove(HttpHeaders.COOKIE);
				if (!kept.isEmpty()) {
					headers.set(HttpHeaders.COOKIE, kept);
				}
			}
		}).build();
	}

	private static String cookieName(String pair) {
		int equals = pair.indexOf('=');
		return ((equals >= 0) ? pair.substring(0, equals) : pair).trim().toLowerCase(Locale.ROOT);
	}

	/** Adds a header after {@link #clean} so it is not removed again. */
	static Function<ServerRequest, ServerRequest> set(String name, String value) {
		return (request) -> ServerRequest.from(request).headers((headers) -> headers.set(name, value)).build();
	}

}
