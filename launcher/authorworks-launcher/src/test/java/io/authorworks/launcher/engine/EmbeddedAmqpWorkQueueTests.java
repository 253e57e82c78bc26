package io.authorworks.launcher.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded broker accepts the platform's work-queue topology (a durable queue that
 * dead-letters through the default exchange to its .dlq), so the content-worker runs in
 * the all-in-one mode.
 */
class EmbeddedAmqpWorkQueueTests {

	@TempDir
	Path data;

	/**
	 * Qpid registers a JVM shutdown hook that stops the broker the moment the launcher is
	 * told to exit, while the services are still stopping and sending their last messages
	 * (Ctrl-C then printed "No Engine available" and connection resets). The platform
	 * stops the broker after the services instead, so the hook must be gone.
	 */
	@Test
	void onlyThePlatformStopsTheBroker() {
		try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(this.data, Ports.findFree())) {
			assertThat(broker.stopsOnlyWhenClosed()).as("Qpid's shutdown hook is removed").isTrue();
		}
	}

	@Test
	void workQueuesAreDeclaredWithoutBrokerDeadLettering() throws Exception {
		int port = Ports.findFree();
		try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(this.data, port)) {
			ConnectionFactory factory = new ConnectionFactory();
			factory.setUri(broker.url());
			try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
				channel.queueDeclare("work.dlq", true, false, false, Map.of());
				channel.queueDeclare("work", true, false, false, Map.of());
				channel.basicPublish("", "work", null, "job".getBytes(StandardCharsets.UTF_8));
				// The platform dead-letters by republishing to the .dlq, then
				// acknowledging.
				GetResponse message = channel.basicGet("work", false);
				assertThat(message).isNotNull();
				channel.basicPublish("", "work.dlq", null, message.getBody());
				channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
				assertThat(channel.basicGet("work.dlq", true)).isNotNull();
				assertThat(channel.basicGet("work", true)).isNull();
			}
			Connection connection = factory.newConnection();
			Channel channel = connection.createChannel();
			// Qpid answers by closing the connection, so it is aborted rather than
			// closed.
			assertThatThrownBy(() -> channel.queueDeclare("refused", true, false, false,
					Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", "refused.dlq")))
				.as("Qpid refuses RabbitMQ's dead-letter arguments")
				.isInstanceOf(java.io.IOException.class);
			connection.abort();
		}
	}

}
