package io.authorworks.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Every deployable serves Prometheus metrics with request-latency histograms, every
 * metric the dashboards and alerts under deploy/ query is one the platform serves, and
 * one request can be followed by its trace id from the gateway's log into the
 * user-service's log and into the UserRegistered event a consumer receives.
 */
class ObservabilityIT {

	/** The scrape job of every deployable in deploy/prometheus. */
	private static final String PLATFORM_JOB = "authorworks";

	/**
	 * Jobs that scrape someone else's exporter, whose metrics no deployable serves: their
	 * selectors are skipped, by job, with the reason.
	 */
	private static final Map<String, String> EXPORTER_JOBS = Map.of("rabbitmq",
			"RabbitMQ's own rabbitmq_prometheus plugin (queues, dead letters, broker rates)");

	/** Series Prometheus writes itself for every target. */
	private static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds",
			"scrape_samples_scraped");

	/**
	 * Labels Prometheus adds to every scraped series (prometheus.yml,
	 * prometheus-kubernetes.yml).
	 */
	private static final Set<String> TARGET_LABELS = Set.of("job", "instance", "service", "pod");

	private static final Pattern SAMPLE_LABEL = Pattern.compile("([a-zA-Z_]\\w*)=\"(?:[^\"\\\\]|\\\\.)*\"");

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
	void everyMetricTheDashboardsAndAlertsQueryIsServedWithTheLabelsTheyUse() throws Exception {
		// The worker's listener timer exists once it has handled a message.
		runOneGenerationJob();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> servedMetrics().containsKey("spring_rabbit_listener_seconds_count"));
		Map<String, Set<String>> served = servedMetrics();

		List<MetricQuery> queries = MetricQuery.inDeploy(this.platform.root.resolve("deploy"));
		assertThat(queries).hasSizeGreaterThan(20);
		List<String> problems = new ArrayList<>();
		Set<String> skipped = new TreeSet<>();
		for (MetricQuery query : queries) {
			Set<String> labelsInReach = new HashSet<>(TARGET_LABELS);
			boolean platformOnly = true;
			for (MetricQuery.Selector selector : query.selectors()) {
				String metric = selector.metric();
				String job = selector.equalTo("job");
				if (job == null) {
					problems.add(query.source() + ": " + metric + " names no job, so nothing says who serves it");
				}
				else if (EXPORTER_JOBS.containsKey(job)) {
					skipped.add(metric + " (job " + job + ": " + EXPORTER_JOBS.get(job) + ")");
					platformOnly = false;
				}
				else if (!PLATFORM_JOB.equals(job)) {
					problems
						.add(query.source() + ": " + metric + " is read from job " + job + ", which is not scraped");
				}
				else if (!PROMETHEUS_SERIES.contains(metric)) {
					Set<String> labels = served.get(metric);
					if (labels == null) {
						problems.add(query.source() + ": no deployable serves " + metric);
						continue;
					}
					labelsInReach.addAll(labels);
					for (String label : selector.matchers().keySet()) {
						if (!TARGET_LABELS.contains(label) && !labels.contains(label)) {
							problems.add(query.source() + ": " + metric + " has no label " + label + " (it has "
									+ new TreeSet<>(labels) + ")");
						}
					}
				}
			}
			if (platformOnly) {
				for (String label : query.groupingLabels()) {
					if (!labelsInReach.contains(label)) {
						problems.add(query.source() + ": groups by " + label + ", which none of its metrics has");
					}
				}
			}
		}
		System.out.println("Exporter metrics not checked against the platform: " + skipped);
		assertThat(problems).as("queries under deploy/ that the running platform cannot answer").isEmpty();
	}

	/** Every metric any replica of any deployable serves, with the labels it carries. */
	private Map<String, Set<String>> servedMetrics() throws Exception {
		Map<String, Set<String>> served = new HashMap<>();
		for (List<URI> replicas : this.platform.endpoints.services().values()) {
			for (URI replica : replicas) {
				HttpResponse<String> metrics = get(replica.resolve("/actuator/prometheus"));
				assertThat(metrics.statusCode()).as(replica.toString()).isEqualTo(200);
				for (String line : metrics.body().lines().toList()) {
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					int end = line.indexOf('{');
					String name = line.substring(0, (end >= 0) ? end : line.indexOf(' '));
					Set<String> labels = served.computeIfAbsent(name, (key) -> new HashSet<>());
					if (end >= 0) {
						Matcher label = SAMPLE_LABEL.matcher(line.substring(end + 1, line.lastIndexOf('}')));
						while (label.find()) {
							labels.add(label.group(1));
						}
					}
				}
			}
		}
		return served;
	}

	/** A one-step job (a story bible) run by the content-worker to its end. */
	private void runOneGenerationJob() throws Exception {
		Accounts.Account author = Accounts.signUpAndVerify(this.platform, "obs");
		String token = Accounts.accessToken(this.platform, author);
		String address = Accounts.testNetAddress();
		HttpResponse<String> book = api(token, address, "POST", "/api/content/books", null, "{\"title\": \"Metrics\"}");
		assertThat(book.statusCode()).as(book.body()).isEqualTo(201);
		String bookId = OidcTestClient.json(book.body()).get("id").asString();
		HttpResponse<String> started = api(token, address, "POST", "/api/content/books/" + bookId + "/generation/jobs",
				UUID.randomUUID().toString(),
				"{\"kind\": \"bible\", \"params\": {\"premise\": \"A lighthouse keeper counts the ships that do not "
						+ "come back, and one evening a ship comes back twice.\"}}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String jobId = OidcTestClient.json(started.body()).get("id").asString();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			String state = OidcTestClient
				.json(api(token, address, "GET", "/api/content/generation/jobs/" + jobId, null, null).body())
				.get("state")
				.asString();
			return Set.of("succeeded", "failed", "cancelled").contains(state);
		});
	}

	private HttpResponse<String> api(String token, String address, String method, String path, String idempotencyKey,
			String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.platform.publicUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("X-Forwarded-For", address)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void oneTraceIdRunsThroughGatewayLogServiceLogAndTheEvent() throws Exception {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String queue = "e2e.users.registered." + traceId.substring(0, 8);
		ConnectionFactory factory = new ConnectionFactory();
		// The broker and virtual host the platform publishes to (TEST_RABBITMQ_URL).
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
