package io.authorworks.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.authorworks.launcher.deploy.DeployableRegistry;
import io.authorworks.launcher.engine.DatabaseEndpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainTests {

	@Test
	void replicasTakeThePortPlusOneHundredPerReplica() {
		Platform platform = Main.parse(new String[] { "--replicas", "api-gateway=3" }, Map.of()).build();
		var gateway = DeployableRegistry.load().get("api-gateway");
		assertThat(platform.replicaPort(gateway, 0)).isEqualTo(8080);
		assertThat(platform.replicaPort(gateway, 1)).isEqualTo(8180);
		assertThat(platform.replicaPort(gateway, 2)).isEqualTo(8280);
	}

	@Test
	void aPortOffsetMovesEveryPort() {
		Platform platform = Main.parse(new String[] { "--port-offset", "5" }, Map.of()).build();
		assertThat(platform.port(Platform.POSTGRES)).isEqualTo(15437);
		assertThat(platform.port("user-service")).isEqualTo(3106);
	}

	@Test
	void theEnvironmentSelectsExternalServersAndReplicas() {
		Platform platform = Main
			.parse(new String[0], Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/aw", "DATABASE_USERNAME",
					"admin", "DATABASE_PASSWORD", "pw", "AUTHORWORKS_USER_SERVICE_REPLICAS", "2"))
			.build();
		var users = DeployableRegistry.load().get("user-service");
		assertThat(platform.replicaPort(users, 1)).isEqualTo(3201);
		assertThat(Platform.databaseRole(new DatabaseEndpoint("h", 1, "aw", "u", "p"), users)).isEqualTo("aw_users");
	}

	@Test
	void badOptionsAreExplained() {
		assertThatThrownBy(() -> Main.parse(new String[] { "--replicas", "api-gateway" }, Map.of()))
			.hasMessageContaining("NAME=N");
		assertThatThrownBy(() -> Main.parse(new String[] { "--only", "nobody" }, Map.of()))
			.isInstanceOf(LauncherException.class)
			.hasMessageContaining("no deployable is called nobody");
		assertThatThrownBy(() -> Main.parse(new String[] { "--frobnicate" }, Map.of()))
			.hasMessageContaining("unknown option --frobnicate");
	}

	@Test
	void theBannerSaysWhereToGoAndHowToStop() {
		Path data = Path.of("").toAbsolutePath().resolve("data");
		PlatformEndpoints endpoints = new PlatformEndpoints(URI.create("http://localhost:8080"),
				Map.of("api-gateway", List.of(URI.create("http://localhost:8080"))), List.of("user-service"),
				new DatabaseEndpoint("127.0.0.1", 15432, "authorworks", "postgres", "x"), "redis://127.0.0.1:16379",
				"amqp://guest:guest@127.0.0.1:35672/default", "127.0.0.1", 2525, URI.create("http://localhost:8025"),
				data, data.resolve("logs"));
		assertThat(Main.banner(endpoints)).contains("Open        http://localhost:8080")
			.contains("Mailbox     http://localhost:8025")
			.contains("Not built   user-service")
			.contains("Logs        data/logs/<name>.log")
			.contains("Ctrl-C");
	}

}
