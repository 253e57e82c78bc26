package io.authorworks.launcher;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.authorworks.launcher.engine.DatabaseEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops the embedded engines and starts them again on the same data directory: what was
 * written before must still be there, as a person expects after restarting the launcher.
 */
class PlatformRestartIntegrationTests {

	private static final String QUEUE = "launcher.restart.test";

	@TempDir
	Path root;

	@Test
	void dataSurvivesARestartOfTheEngines() throws Exception {
		String secretsBefore;
		try (Platform first = enginesOnly()) {
			PlatformEndpoints endpoints = first.start();
			try (Connection connection = connect(endpoints.database());
					Statement statement = connection.createStatement()) {
				statement.execute("create table kept (note text)");
				statement.execute("insert into kept values ('written before the restart')");
			}
			redis(endpoints, (redis) -> redis.sync().set("kept", "still here"));
			ConnectionFactory factory = amqp(endpoints);
			try (com.rabbitmq.client.Connection connection = factory.newConnection();
					Channel channel = connection.createChannel()) {
				channel.queueDeclare(QUEUE, true, false, false, null);
				channel.confirmSelect();
				AMQP.BasicProperties persistent = MessageProperties.PERSISTENT_TEXT_PLAIN;
				channel.basicPublish("", QUEUE, persistent, "survives".getBytes(StandardCharsets.UTF_8));
				channel.waitForConfirmsOrDie(5_000);
			}
			secretsBefore = Files.readString(first.dataDirectory().resolve("secrets.env"));
		}

		try (Platform second = enginesOnly()) {
			PlatformEndpoints endpoints = second.start();
			try (Connection connection = connect(endpoints.database());
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select note from kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("written before the restart");
			}
			redis(endpoints, (redis) -> assertThat(redis.sync().get("kept")).isEqualTo("still here"));
			try (com.rabbitmq.client.Connection connection = amqp(endpoints).newConnection();
					Channel channel = connection.createChannel()) {
				GetResponse message = channel.basicGet(QUEUE, true);
				assertThat(message).as("the persistent message on the durable queue").isNotNull();
				assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("survives");
			}
			assertThat(Files.readString(second.dataDirectory().resolve("secrets.env"))).isEqualTo(secretsBefore);
		}
	}

	@Test
	void amqpUrlWithoutVirtualHostReachesTheDefaultOne() throws Exception {
		try (Platform platform = enginesOnly()) {
			PlatformEndpoints endpoints = platform.start();
			URI url = URI.create(endpoints.amqpUrl());
			ConnectionFactory factory = new ConnectionFactory();
			factory.setUri("amqp://guest:guest@127.0.0.1:" + url.getPort());
			try (com.rabbitmq.client.Connection connection = factory.newConnection()) {
				assertThat(connection.isOpen()).isTrue();
			}
		}
	}

	private Platform enginesOnly() {
		return Platform.builder()
			.workingDirectory(this.root)
			.dataDirectory(this.root.resolve("data"))
			.noDeployables()
			.freePorts()
			.build();
	}

	private static Connection connect(DatabaseEndpoint database) throws Exception {
		return io.authorworks.launcher.engine.DatabaseProvisionerAccess.connect(database);
	}

	private static ConnectionFactory amqp(PlatformEndpoints endpoints) throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setUri(endpoints.amqpUrl());
		factory.setConnectionTimeout((int) Duration.ofSeconds(5).toMillis());
		return factory;
	}

	private static void redis(PlatformEndpoints endpoints,
			java.util.function.Consumer<StatefulRedisConnection<String, String>> action) {
		RedisClient client = RedisClient.create(endpoints.redisUrl());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			action.accept(connection);
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
