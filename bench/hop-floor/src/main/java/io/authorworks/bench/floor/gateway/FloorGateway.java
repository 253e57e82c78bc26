package io.authorworks.bench.floor.gateway;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

/**
 * The empty gateway: {@code /api/**} to the empty chapter service with {@code /api}
 * stripped, as the api-gateway routes {@code /api/content/**}, through the same Spring
 * Cloud Gateway and Apache HttpClient, but without sign-in, rate limit, circuit breaker,
 * forwarding headers, metrics, traces or access log.
 */
@SpringBootApplication
public class FloorGateway {

	@Bean
	RouterFunction<ServerResponse> chapters(@Value("${floor.service-url}") URI service) {
		return route("chapters").route((request) -> request.path().startsWith("/api/"), http())
			.before(uri(service))
			.before(stripPrefix(1))
			.build();
	}

	public static void main(String[] args) {
		SpringApplication.run(FloorGateway.class, args);
	}

}
