package io.authorworks.worker.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.authorworks.platform.test.RealInfrastructure;

/**
 * A packaged deployable ({@code content-service}, or this module's own worker jar) run as
 * a separate JVM against this test JVM's database, Redis and RabbitMQ, the way the
 * launcher runs it. The worker's tests drive the real content API through it, and can
 * kill a worker process outright.
 */
final class ContentServiceProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ContentServiceProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the packaged content-service and waits until it is ready. */
	static ContentServiceProcess contentService(String jwksUri) {
		return contentService(jwksUri, Map.of());
	}

	/** Starts the packaged content-service with more environment, such as providers. */
	static ContentServiceProcess contentService(String jwksUri, Map<String, String> extra) {
		Map<String, String> env = new HashMap<>(extra);
		// The worker's role exists before content-service migrates, so the grants reach
		// it.
		env.put("CONTENT_WORKER_DATABASE_ROLE", workerDatabase().username());
		env.put("OIDC_JWKS_URI", jwksUri);
		env.put("AUTHORWORKS_EVENTS_RELAY_INTERVAL", "200ms");
		return start(Path.of("../../services/content-service/target/content-service.jar"), "content-service", env);
	}

	/** Starts this module's packaged worker and waits until it is ready. */
	static ContentServiceProcess worker(Map<String, String> extra) {
		Map<String, String> env = new HashMap<>(extra);
		RealInfrastructure.Database worker = workerDatabase();
		env.put("DATABASE_USERNAME", worker.username());
		env.put("DATABASE_PASSWORD", worker.password());
		return start(Path.of("target/content-worker.jar"), "content-worker", env);
	}

	/** The test database as the worker's own role, the one this module's tests use. */
	static RealInfrastructure.Database workerDatabase() {
		return RealInfrastructure.databaseAs("content_worker");
	}

	static ContentServiceProcess start(Path jar, String name, Map<String, String> extra) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is not built; package it first (./mvnw -DskipTests package)");
		}
		int port = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		try {
			Path log = Files.createTempFile(name + "-", ".log");
			ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", jar.toString()))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			Map<String, String> env = builder.environment();
			// Only the offline provider in tests, whatever the machine has configured.
			env.keySet().removeIf((key) -> key.startsWith("ANTHROPIC_") || key.startsWith("OPENAI_"));
			RealInfrastructure.Database db = RealInfrastructure.database();
			env.put("DATABASE_URL", db.url());
			env.put("DATABASE_USERNAME", db.username());
			env.put("DATABASE_PASSWORD", db.password());
			env.put("REDIS_URL", RealInfrastructure.redisUrl());
			env.put("RABBITMQ_URL", RealInfrastructure.rabbitUrl());
			env.put("SERVER_PORT", String.valueOf(port));
			env.put("LOG_FORMAT", "text");
			env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
			env.putAll(extra);
			ContentServiceProcess started = new ContentServiceProcess(builder.start(), port, log);
			started.awaitReady();
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	Process process() {
		return this.process;
	}

	/** Kills the JVM at once, as {@code kill -9} would. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
					java.util.concurrent.TimeUnit.MILLISECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
		}
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The process exited: " + tail());
			}
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		kill();
		throw new IllegalStateException("Not ready within 120 s: " + tail());
	}

	/** Everything the process logged so far. */
	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
