package io.authorworks.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The route table: every service the gateway knows, where its instances run and which
 * public paths lead to it. A service whose {@code urls} are empty is switched off, so its
 * paths answer {@code 404} instead of failing.
 *
 * @param services the services by name; the name is also the load-balancer service id and
 * the suffix of its API documentation route ({@code /api-docs/<name>})
 */
@ConfigurationProperties("authorworks.gateway")
public record RoutingProperties(Map<String, Service> services) {

	public RoutingProperties(@Nullable Map<String, Service> services) {
		this.services = (services != null) ? new LinkedHashMap<>(services) : new LinkedHashMap<>();
	}

	/** The services that have at least one instance configured, in declaration order. */
	public Map<String, Service> active() {
		Map<String, Service> active = new LinkedHashMap<>();
		this.services.forEach((name, service) -> {
			if (!service.instances().isEmpty()) {
				active.put(name, service);
			}
		});
		return active;
	}

	/**
	 * Every path that is forwarded to a service unchanged (sign-in pages and endpoints).
	 */
	public List<String> pagePaths() {
		return active().values().stream().flatMap((service) -> service.paths().stream()).distinct().toList();
	}

	/** Every API path that may be called without signing in. */
	public List<String> publicApiPaths() {
		return active().values().stream().flatMap((service) -> service.publicApiPaths().stream()).distinct().toList();
	}

	/**
	 * One service.
	 *
	 * @param urls base URLs of its instances ({@code http://host:port}), comma-separated
	 * in the environment; requests are spread over them round-robin
	 * @param apiPaths public API paths ({@code /api/users/**}); the leading {@code /api}
	 * is removed before forwarding
	 * @param paths paths forwarded unchanged, such as the sign-in pages
	 * @param publicApiPaths API paths that need no sign-in at the gateway (the service
	 * still decides); an entry may start with a method
	 * ({@code GET /api/users/by-username/*}) when only that method is public
	 * @param timeout how long to wait for the service to start answering before the
	 * caller gets a {@code 503}
	 */
	public record Service(List<String> urls, List<String> apiPaths, List<String> paths, List<String> publicApiPaths,
			Duration timeout) {

		public Service(@Nullable List<String> urls, @Nullable List<String> apiPaths, @Nullable List<String> paths,
				@Nullable List<String> publicApiPaths, @Nullable Duration timeout) {
			this.urls = clean(urls);
			this.apiPaths = clean(apiPaths);
			this.paths = clean(paths);
			this.publicApiPaths = clean(publicApiPaths);
			this.timeout = Objects.requireNonNullElse(timeout, Duration.ofSeconds(10));
			instances();
		}

		/**
		 * The instances' base URLs, checked to be plain {@code http(s)://host[:port]}.
		 */
		public List<URI> instances() {
			List<URI> instances = new ArrayList<>();
			for (String url : this.urls) {
				URI uri = URI.create(url.replaceAll("/+$", ""));
				if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
						|| (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
					throw new IllegalArgumentException(
							"A service URL must look like http://host:port (no path), but was '" + url + "'");
				}
				instances.add(uri);
			}
			return instances;
		}

		private static List<String> clean(@Nullable List<String> values) {
			if (values == null) {
				return List.of();
			}
			return values.stream().map(String::trim).filter((value) -> !value.isEmpty()).toList();
		}

	}

}
