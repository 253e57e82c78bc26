package io.authorworks.launcher;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.authorworks.launcher.deploy.DeployableRegistry;
import io.authorworks.launcher.engine.DatabaseEndpoint;
import io.authorworks.launcher.engine.EmbeddedMailServer;
import io.authorworks.launcher.engine.ReceivedMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts one platform (all four embedded engines plus two fake deployables) on free ports
 * in a temporary data directory, and checks it from the outside the way services see it.
 */
class PlatformIntegrationTests {

	@TempDir
	static Path root;

	static Platform platform;

	static PlatformEndpoints endpoints;

	@BeforeAll
	static void start() throws Exception {
		TestSupport.fakeDeployableJar(root.resolve("build/fake.jar"));
		DeployableRegistry registry = DeployableRegistry.read(new StringReader("""
				platform.public-url=${url:front}
				platform.jwks-uri=${url:back}/oauth2/jwks
				platform.token-uri=${url:back}/oauth2/token
				back.jar=build/fake.jar
				back.port=3101
				back.schema=users
				back.mail=true
				back.env.SERVICE_CLIENTS=${serviceClients}
				back.env.GATEWAY_CLIENT_SECRET=${secret:GATEWAY_CLIENT_SECRET}
				front.jar=build/fake.jar
				front.port=8080
				front.after=back
				front.scopes=users.read users.write
				front.replicas=2
				front.env.USER_SERVICE_URL=${url:back}
				front.env.GATEWAY_CLIENT_SECRET=${secret:GATEWAY_CLIENT_SECRET}
				side.jar=build/fake.jar
				side.port=3150
				side.uses=users
				side.after=back
				ghost.jar=build/not-built.jar
				ghost.port=3199
				"""));
		platform = Platform.builder()
			.workingDirectory(root)
			.dataDirectory(root.resolve("data"))
			.registry(registry)
			.freePorts()
			.readinessTimeout(Duration.ofSeconds(60))
			.build();
		endpoints = platform.start();
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void aServiceRoleOwnsItsSchemaAndCanUseIt() throws Exception {
		Map<String, String> env = env(endpoints.service("back"));
		assertThat(env.get("DATABASE_URL")).isEqualTo(endpoints.database().jdbcUrl())
			.startsWith("jdbc:postgresql://127.0.0.1:")
			.endsWith("/authorworks");
		assertThat(env.get("DATABASE_USERNAME")).isEqualTo("authorworks_users");
		Properties credentials = new Properties();
		credentials.setProperty("user", env.get("DATABASE_USERNAME"));
		credentials.setProperty("password", env.get("DATABASE_PASSWORD"));
		try (Connection connection = DriverManager.getConnection(env.get("DATABASE_URL"), credentials);
				Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("select 1, current_schema()")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(1);
				assertThat(rows.getString(2)).isEqualTo("users");
			}
			statement.execute("create table if not exists probe (id int primary key)");
			try (ResultSet rows = statement
				.executeQuery("select nspowner::regrole::text from pg_namespace where nspname = 'users'")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("authorworks_users");
			}
		}
		credentials.setProperty("password", "wrong");
		assertThatThrownBy(() -> DriverManager.getConnection(env.get("DATABASE_URL"), credentials).close())
			.hasMessageContaining("password authentication failed");
	}

	@Test
	void aDeployableUsingAnotherSchemaHasItsOwnRoleWithOnlyWhatTheOwnerGrants() throws Exception {
		Map<String, String> owner = env(endpoints.service("back"));
		Map<String, String> env = env(endpoints.service("side"));
		assertThat(env.get("DATABASE_USERNAME")).isEqualTo("authorworks_side");
		assertThat(env.get("DATABASE_PASSWORD")).isNotEqualTo(owner.get("DATABASE_PASSWORD"));
		// The owner learns the role's name, for its migrations' grants.
		assertThat(owner).containsEntry("SIDE_DATABASE_ROLE", "authorworks_side");
		try (Connection connection = connect(owner); Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists shared (id int primary key)");
			statement.execute("insert into shared values (1) on conflict do nothing");
			statement.execute("grant usage on schema users to authorworks_side");
			statement.execute("grant select on shared to authorworks_side");
		}
		try (Connection connection = connect(env); Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("select current_schema(), count(*) from shared")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("users");
				assertThat(rows.getInt(2)).isEqualTo(1);
			}
			assertThatThrownBy(() -> statement.execute("delete from shared")).hasMessageContaining("permission denied");
			assertThatThrownBy(() -> statement.execute("create table users.mine (id int)"))
				.hasMessageContaining("permission denied");
		}
	}

	private static Connection connect(Map<String, String> env) throws Exception {
		Properties credentials = new Properties();
		credentials.setProperty("user", env.get("DATABASE_USERNAME"));
		credentials.setProperty("password", env.get("DATABASE_PASSWORD"));
		return DriverManager.getConnection(env.get("DATABASE_URL"), credentials);
	}

	@Test
	void redisAnswersPingSetAndGet() {
		RedisClient client = RedisClient.create(endpoints.redisUrl());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().ping()).isEqualTo("PONG");
			connection.sync().set("launcher-test", "hello");
			assertThat(connection.sync().get("launcher-test")).isEqualTo("hello");
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	@Test
	void mailArrivesOnTheMailboxPageEscapedWithClickableLinks() throws Exception {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", endpoints.mailHost());
		properties.setProperty("mail.smtp.port", String.valueOf(endpoints.mailPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("no-reply@authorworks.test"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.com"));
		message.setSubject("Verify <your> address");
		message.setText("Welcome! Open http://localhost:8080/verify?token=abc&x=1 to verify.");
		Transport.send(message);

		EmbeddedMailServer mail = platform.mailServer().orElseThrow();
		ReceivedMail received = mail.await((m) -> m.to().contains("ada@example.com"), Duration.ofSeconds(10));
		assertThat(received.firstLink()).hasValue("http://localhost:8080/verify?token=abc&x=1");

		HttpResponse<String> page = TestSupport.get(Objects.requireNonNull(endpoints.mailbox()));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Verify &lt;your&gt; address")
			.doesNotContain("<your>")
			.contains("<a href=\"http://localhost:8080/verify?token=abc&amp;x=1\"");
	}

	@Test
	void deployablesGetTheEnvironmentTheConfigurationContractPromises() throws Exception {
		Map<String, String> back = env(endpoints.service("back"));
		Map<String, String> front = env(endpoints.service("front"));
		URI frontUrl = endpoints.service("front");
		assertThat(endpoints.publicUrl()).isEqualTo(frontUrl);
		assertThat(back).containsEntry("OIDC_ISSUER", frontUrl.toString())
			.containsEntry("OIDC_JWKS_URI", endpoints.service("back") + "/oauth2/jwks")
			.containsEntry("OIDC_TOKEN_URI", endpoints.service("back") + "/oauth2/token")
			.containsEntry("REDIS_URL", endpoints.redisUrl())
			.containsEntry("RABBITMQ_URL", endpoints.amqpUrl())
			.containsEntry("MAIL_HOST", "127.0.0.1")
			.containsEntry("MAIL_PORT", String.valueOf(endpoints.mailPort()))
			.containsEntry("LOG_FORMAT", "json")
			.containsEntry("SERVICE_CLIENT_ID", "back")
			.containsEntry("SERVER_PORT", String.valueOf(endpoints.service("back").getPort()));
		assertThat(back.get("SERVICE_CLIENTS"))
			.isEqualTo("front:" + front.get("SERVICE_CLIENT_SECRET") + ":users.read users.write");
		assertThat(back.get("GATEWAY_CLIENT_SECRET")).hasSizeGreaterThanOrEqualTo(40);
		assertThat(front).containsEntry("USER_SERVICE_URL", endpoints.service("back").toString())
			.containsEntry("GATEWAY_CLIENT_SECRET", back.get("GATEWAY_CLIENT_SECRET"))
			.doesNotContainKey("DATABASE_URL")
			.doesNotContainKey("MAIL_HOST");
		assertThat(endpoints.amqpUrl()).startsWith("amqp://guest:guest@127.0.0.1:").endsWith("/default");
	}

	@Test
	void replicasRunSideBySideAndMissingJarsAreSkipped() throws Exception {
		List<URI> front = endpoints.services().get("front");
		assertThat(front).isNotNull().hasSize(2);
		for (URI replica : front) {
			assertThat(TestSupport.get(replica.resolve("/actuator/health/readiness")).statusCode()).isEqualTo(200);
		}
		assertThat(endpoints.skipped()).containsExactly("ghost");
		assertThat(endpoints.logDirectory().resolve("front-2.log")).exists();
	}

	@Test
	void aDeployableThatDiesIsRestarted() throws Exception {
		URI back = endpoints.service("back");
		TestSupport.get(back.resolve("/exit"));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		boolean restarted = false;
		Thread.sleep(500);
		while (!restarted && System.nanoTime() < deadline) {
			try {
				restarted = TestSupport.get(back.resolve("/actuator/health/readiness")).statusCode() == 200;
			}
			catch (java.io.IOException ex) {
				Thread.sleep(200);
			}
		}
		assertThat(restarted).as("back answers again after it exited").isTrue();
	}

	@Test
	void aSecondPlatformOnTheSamePortsFailsClearly() {
		DatabaseEndpoint database = endpoints.database();
		Platform second = Platform.builder()
			.workingDirectory(root)
			.dataDirectory(root.resolve("second"))
			.noDeployables()
			.port(Platform.POSTGRES, database.port())
			.port(Platform.REDIS, URI.create(endpoints.redisUrl()).getPort())
			.port(Platform.AMQP, URI.create(endpoints.amqpUrl()).getPort())
			.port(Platform.SMTP, endpoints.mailPort())
			.port(Platform.MAILBOX, Objects.requireNonNull(endpoints.mailbox()).getPort())
			.build();
		assertThatThrownBy(second::start).isInstanceOf(LauncherException.class)
			.hasMessage("port " + database.port()
					+ " (PostgreSQL) is in use — is another AuthorWorks running? Stop it, or choose other ports.");
	}

	private static Map<String, String> env(URI service) throws Exception {
		return FakeDeployable.parseEnv(TestSupport.get(service.resolve("/env")).body());
	}

}
