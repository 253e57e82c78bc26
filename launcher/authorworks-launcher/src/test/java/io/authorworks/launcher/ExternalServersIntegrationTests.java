package io.authorworks.launcher;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.authorworks.launcher.deploy.DeployableRegistry;
import io.authorworks.launcher.engine.DatabaseEndpoint;
import io.authorworks.launcher.engine.DatabaseProvisionerAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * External mode, as end-to-end tests use it: the loopback PostgreSQL, Redis and RabbitMQ
 * that .ci/run starts, administered by a role that may create roles and databases but is
 * no superuser. Skipped where those servers are not running.
 */
class ExternalServersIntegrationTests {

	private static final DatabaseEndpoint ADMIN = new DatabaseEndpoint("127.0.0.1", 5432, "authorworks", "authorworks",
			"authorworks");

	@TempDir
	Path root;

	private DatabaseEndpoint database;

	@BeforeEach
	void requireServers() {
		assumeTrue(listening(5432) && listening(6379) && listening(5672),
				"loopback PostgreSQL, Redis and RabbitMQ (.ci/run starts them)");
		this.database = ADMIN
			.withDatabase("aw_launcher_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
	}

	@AfterEach
	void dropDatabase() throws Exception {
		if (this.database == null) {
			return;
		}
		try (Connection connection = DatabaseProvisionerAccess.connect(ADMIN);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + this.database.database() + " with (force)");
			statement.execute("drop role if exists " + this.database.database() + "_users");
		}
	}

	@Test
	void servicesGetTheirOwnRoleAndSchemaInAnExternalDatabaseOnEveryStart() throws Exception {
		TestSupport.fakeDeployableJar(this.root.resolve("fake.jar"));
		for (int run = 1; run <= 2; run++) {
			try (Platform platform = platform()) {
				PlatformEndpoints endpoints = platform.start();
				Map<String, String> env = FakeDeployable
					.parseEnv(TestSupport.get(endpoints.service("back").resolve("/env")).body());
				assertThat(env).containsEntry("DATABASE_URL", this.database.jdbcUrl())
					.containsEntry("DATABASE_USERNAME", this.database.database() + "_users")
					.containsEntry("REDIS_URL", "redis://127.0.0.1:6379")
					.containsEntry("RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672");
				Properties credentials = new Properties();
				credentials.setProperty("user", env.get("DATABASE_USERNAME"));
				credentials.setProperty("password", env.get("DATABASE_PASSWORD"));
				try (Connection connection = DriverManager.getConnection(env.get("DATABASE_URL"), credentials);
						Statement statement = connection.createStatement()) {
					statement.execute("create table if not exists runs (n int)");
					statement.execute("insert into runs values (" + run + ")");
					try (ResultSet rows = statement.executeQuery("select current_schema(), count(*) from runs")) {
						assertThat(rows.next()).isTrue();
						assertThat(rows.getString(1)).isEqualTo("users");
						assertThat(rows.getInt(2)).isEqualTo(run);
					}
				}
			}
		}
	}

	private Platform platform() throws IOException {
		DeployableRegistry registry = DeployableRegistry.read(new StringReader("""
				platform.public-url=${url:back}
				platform.jwks-uri=${url:back}/oauth2/jwks
				platform.token-uri=${url:back}/oauth2/token
				back.jar=fake.jar
				back.port=3101
				back.schema=users
				"""));
		return Platform.builder()
			.workingDirectory(this.root)
			.dataDirectory(this.root.resolve("data"))
			.registry(registry)
			.freePorts()
			.readinessTimeout(Duration.ofSeconds(60))
			.externalDatabase(this.database)
			.externalRedis("redis://127.0.0.1:6379")
			.externalAmqp("amqp://guest:guest@127.0.0.1:5672")
			.build();
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
