package io.authorworks.gateway.routing;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.CircuitBreakerFilterFunctions.circuitBreaker;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

/**
 * Builds the gateway's routes from {@link RoutingProperties}. For each configured service
 * there are up to three routes: its API under {@code /api} (prefix removed, the browser
 * session's token relayed), its pages and endpoints forwarded unchanged, and its OpenAPI
 * document at {@code /api-docs/<name>}. Every route goes through a circuit breaker with
 * the service's timeout and the load balancer.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

	/** Where circuit breakers send requests a service could not answer. */
	static final String FALLBACK_PATH = "/fallback/";

	/** The public prefix of every service's API, removed before forwarding. */
	static final String API_PREFIX = "/api";

	/**
	 * How long a caller is asked to wait after a {@code 503}: as long as an open circuit
	 * breaker stays open.
	 */
	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	/** The user-service's session cookie on its sign-in pages. */
	private static final String SIGN_IN_PAGES_COOKIE = "AW_IDP_SESSION";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	DiscoveryClient configuredServiceInstances(RoutingProperties routes) {
		return new ConfiguredServiceInstances(routes);
	}

	@Bean
	ServiceProxy serviceProxy(ProxyExchange exchange, ObjectProvider<RequestHttpHeadersFilter> requestFilters,
			ObjectProvider<ResponseHttpHeadersFilter> responseFilters) {
		return new ServiceProxy(exchange, requestFilters, responseFilters);
	}

	@Bean
	RouterFunction<ServerResponse> serviceRoutes(RoutingProperties routes, ServiceProxy proxy,
			@Value("${server.servlet.session.cookie.name:AW_SESSION}") String sessionCookie) {
		// The browser session's cookie, under either name it may have (__Host- behind
		// TLS).
		Function<ServerRequest, ServerRequest> clean = ForwardingHeaders
			.clean(Set.of(sessionCookie, "__Host-" + sessionCookie));
		// The API takes bearer tokens only: the sign-in pages' session cookie has no
		// business there, and would make every API call load (and touch) that session.
		Function<ServerRequest, ServerRequest> cleanApi = ForwardingHeaders.clean(Set.of(sessionCookie,
				"__Host-" + sessionCookie, SIGN_IN_PAGES_COOKIE, "__Host-" + SIGN_IN_PAGES_COOKIE));
		RouterFunction<ServerResponse> all = route("none").route((request) -> false, proxy.to("")).build();
		for (var entry : routes.active().entrySet()) {
			String name = entry.getKey();
			RoutingProperties.Service service = entry.getValue();
			if (!service.apiPaths().isEmpty()) {
				all = all.and(route(name + "-api").route(anyOf(service.apiPaths()), proxy.to(API_PREFIX))
					.before(cleanApi)
					.before(ServiceConditions.restore())
					.before(ServiceProxy.stripPrefix(API_PREFIX))
					.filter(new SessionTokenRelay())
					.filter(circuitBreaker((config) -> config.setId(name).setFallbackPath(FALLBACK_PATH + name)))
					.filter(lb(name))
					.build());
			}
			if (!service.paths().isEmpty()) {
				all = all.and(route(name + "-pages").route(anyOf(service.paths()), proxy.to(""))
					.before(clean)
					.before(ServiceConditions.restore())
					.filter(circuitBreaker((config) -> config.setId(name).setFallbackPath(FALLBACK_PATH + name)))
					.filter(lb(name))
					.build());
			}
			all = all.and(route(name + "-docs").GET("/api-docs/" + name, proxy.to(""))
				.before(clean)
				.before(ServiceConditions.restore())
				.before(ServiceProxy.setPath("/v3/api-docs"))
				// The service's document then names the gateway's /api as its server,
				// so "try it out" calls go through the gateway.
				.before(ForwardingHeaders.set("X-Forwarded-Prefix", "/api"))
				.filter(circuitBreaker((config) -> config.setId(name).setFallbackPath(FALLBACK_PATH + name)))
				.filter(lb(name))
				.build());
		}
		return all;
	}

	/**
	 * Leaves a proxied read's preconditions to its service and closes any service answer
	 * left open; runs before everything else.
	 */
	@Bean
	FilterRegistrationBean<ServiceConditions> serviceConditions(RoutingProperties routes) {
		FilterRegistrationBean<ServiceConditions> registration = new FilterRegistrationBean<>(
				new ServiceConditions(routes));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static RequestPredicate anyOf(java.util.List<String> paths) {
		RequestPredicate predicate = RequestPredicates.path(paths.getFirst());
		for (String path : paths.subList(1, paths.size())) {
			predicate = predicate.or(RequestPredicates.path(path));
		}
		return predicate;
	}

	/**
	 * Per-service timeouts and breakers. Calls run on virtual threads that carry the
	 * caller's context (trace, security), so the trace continues downstream.
	 */
	@Bean
	Customizer<Resilience4JCircuitBreakerFactory> serviceCircuitBreakers(RoutingProperties routes) {
		return (factory) -> {
			ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
			factory.configureExecutorService(
					ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(), snapshots::captureAll));
			routes.active()
				.forEach((name, service) -> factory.configure((builder) -> builder.timeLimiterConfig(
						TimeLimiterConfig.custom().timeoutDuration(service.timeout()).cancelRunningFuture(true).build())
					.circuitBreakerConfig(CircuitBreakerConfig.custom()
						.slidingWindowSize(20)
						.minimumNumberOfCalls(10)
						.failureRateThreshold(50)
						.waitDurationInOpenState(RETRY_AFTER)
						.build()), name));
		};
	}

}
