package io.authorworks.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.OidcTestClient;
import io.authorworks.platform.test.RealInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every deployable serves Prometheus metrics with request-latency histograms, and one
 * request can be followed by its trace id from the gateway's log into the user-service's
 * log and into the UserRegistered event a consumer receives.
 */
class ObservabilityIT {

	private final RunningPlatform platform = RunningPlatform.get();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyReplicaServesPrometheusMetricsWithLatencyHistograms() throws Exception {
		for (String deployable : List.of("user-service", "api-gateway")) {
			for (URI replica : this.platform.replicas(deployable)) {
				get(replica.resolve("/v3/api-docs"));
				HttpResponse<String> metrics = get(replica.resolve("/actuator/prometheus"));
				assertThat(metrics.statusCode()).as(deployable + " " + replica).isEqualTo(200);
				assertThat(metrics.body()).contains("http_server_requests_seconds_bucket")
					.contains("jvm_memory_used_bytes");
				assertThat(get(replica.resolve("/actuator/health/readiness")).body()).contains("UP");
			}
		}
		assertThat(get(this.platform.replicas("user-service").getFirst().resolve("/actuator/prometheus")).body())
			.contains("authorworks_outbox_pending");
	}

	@Test
	void oneTraceIdRunsThroughGatewayLogServiceLogAndTheEvent() throws Exception {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String queue = "e2e.users.registered." + traceId.substring(0, 8);
		ConnectionFactory factory = new ConnectionFactory();
		// The broker and virtual host the platform under test uses (TEST_RABBITMQ_URL).
		factory.setUri(RealInfrastructure.rabbitUrl());
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			channel.exchangeDeclare("users.events", "topic", true);
			channel.queueDeclare(queue, false, true, true, Map.of());
			channel.queueBind(queue, "users.events", "user.registered");

			Accounts.Account account = Accounts.unique("tess");
			FormBrowser browser = new FormBrowser(this.platform.publicUrl())
				.with("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
				.with("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 250));
			HttpResponse<String> created = browser.submit("/signup", "/signup",
					Map.of("email", account.email(), "username", account.username(), "displayName", "Tess", "password",
							account.password(), "writer", "true"));
			assertThat(created.body()).contains("Check your email");

			// Other sign-ups may land in the queue too; ours is the one with this
			// username.
			GetResponse event = await().atMost(Duration.ofSeconds(20)).until(() -> {
				GetResponse next = channel.basicGet(queue, true);
				while (next != null
						&& !envelope(next).get("data").get("username").asString().equals(account.username())) {
					next = channel.basicGet(queue, true);
				}
				return next;
			}, (response) -> response != null);
			JsonNode envelope = envelope(event);
			assertThat(envelope.get("traceparent").asString()).contains(traceId);
			assertThat(String.valueOf(event.getProps().getHeaders().get("traceparent"))).contains(traceId);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(anyLogContains("api-gateway", traceId)).as("gateway log has the trace id").isTrue();
			assertThat(anyLogContains("user-service", traceId)).as("user-service log has the trace id").isTrue();
		});
	}

	private static JsonNode envelope(GetResponse message) {
		return OidcTestClient.json(new String(message.getBody(), StandardCharsets.UTF_8));
	}

	private boolean anyLogContains(String deployable, String text) throws Exception {
		for (Path log : this.platform.logsOf(deployable)) {
			if (Files.readString(log).contains(text)) {
				return true;
			}
		}
		return false;
	}

	private HttpResponse<String> get(URI uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

}
