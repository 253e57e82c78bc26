package io.authorworks.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingPropertiesTests {

	@Test
	void onlyServicesWithAUrlAreActive() {
		RoutingProperties routes = new RoutingProperties(Map.of("users",
				new RoutingProperties.Service(List.of("http://a:3101", " http://b:3101 "), List.of("/api/users/**"),
						List.of("/login"), null, null),
				"media", new RoutingProperties.Service(List.of(""), List.of("/api/media/**"), null, null, null)));

		assertThat(routes.active()).containsOnlyKeys("users");
		RoutingProperties.Service users = routes.active().get("users");
		assertThat(users).isNotNull();
		assertThat(users.instances()).containsExactly(URI.create("http://a:3101"), URI.create("http://b:3101"));
		assertThat(users.timeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(routes.pagePaths()).containsExactly("/login");
	}

	@Test
	void aServiceUrlWithAPathOrWithoutAHostIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoutingProperties.Service(List.of("http://a:3101/base"), null, null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoutingProperties.Service(List.of("localhost:3101"), null, null, null, null));
	}

}
