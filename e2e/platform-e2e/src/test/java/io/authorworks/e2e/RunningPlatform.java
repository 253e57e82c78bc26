package io.authorworks.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.authorworks.launcher.Platform;
import io.authorworks.launcher.PlatformEndpoints;
import io.authorworks.launcher.engine.DatabaseEndpoint;
import io.authorworks.launcher.engine.EmbeddedMailServer;
import io.authorworks.launcher.engine.ReceivedMail;
import io.authorworks.platform.test.RealInfrastructure;

/**
 * One started platform shared by every end-to-end test in this JVM: the packaged
 * deployables, two replicas each of the user-service and the gateway, on free ports,
 * against the loopback PostgreSQL (a fresh database), Redis and RabbitMQ, with the
 * launcher's SMTP server catching mail. It stops when the JVM exits.
 */
final class RunningPlatform {

	static final DatabaseEndpoint ADMIN = new DatabaseEndpoint("127.0.0.1", 5432, "authorworks", "authorworks",
			"authorworks");

	private static RunningPlatform instance;

	final Platform platform;

	final PlatformEndpoints endpoints;

	final Path root;

	private RunningPlatform(Platform platform, PlatformEndpoints endpoints, Path root) {
		this.platform = platform;
		this.endpoints = endpoints;
		this.root = root;
	}

	static synchronized RunningPlatform get() {
		if (instance == null) {
			instance = start((builder) -> builder.deployables("user-service", "content-service", "content-worker",
					"api-gateway"));
			Runtime.getRuntime().addShutdownHook(new Thread(instance.platform::close));
		}
		return instance;
	}

	/**
	 * A platform of its own, for a test that needs other settings than the shared one
	 * (short token lifetimes, say); the test closes it.
	 */
	static RunningPlatform separate(Consumer<Platform.Builder> settings) {
		return start(settings);
	}

	/** The platform, when a test has started it. */
	static synchronized Optional<RunningPlatform> started() {
		return Optional.ofNullable(instance);
	}

	private static RunningPlatform start(Consumer<Platform.Builder> settings) {
		Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
		try {
			Path data = Files.createTempDirectory("authorworks-e2e-");
			String database = "aw_e2e_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
			Platform.Builder builder = Platform.builder()
				.workingDirectory(root)
				.dataDirectory(data)
				.freePorts()
				.externalDatabase(ADMIN.withDatabase(database))
				// TEST_REDIS_URL and TEST_RABBITMQ_URL, as for the integration tests.
				.externalRedis(RealInfrastructure.redisUrl())
				.externalAmqp(RealInfrastructure.rabbitUrl())
				.replicas("user-service", 2)
				.replicas("api-gateway", 2)
				// The content-service's echo channel, for the live-channel checks.
				.environment("AUTHORWORKS_WEB_LIVE_ECHO_ENABLED", "true")
				.readinessTimeout(Duration.ofSeconds(240));
			settings.accept(builder);
			Platform platform = builder.build();
			PlatformEndpoints endpoints = platform.start();
			return new RunningPlatform(platform, endpoints, root);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public origin: the first gateway replica. */
	String publicUrl() {
		return this.endpoints.publicUrl().toString().replaceAll("/$", "");
	}

	List<URI> replicas(String deployable) {
		return this.endpoints.services().get(deployable);
	}

	Path logOf(String deployable) {
		return this.endpoints.logDirectory().resolve(deployable + ".log");
	}

	/** A replica's own log, for deployables that run more than one. */
	List<Path> logsOf(String deployable) {
		try (var files = Files.list(this.endpoints.logDirectory())) {
			return files.filter((file) -> file.getFileName().toString().startsWith(deployable)).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	EmbeddedMailServer mail() {
		return this.platform.mailServer().orElseThrow();
	}

	/** The link in the newest mail with this subject to this address. */
	String linkMailedTo(String address, String subject) {
		try {
			ReceivedMail mail = mail().await((m) -> m.to().contains(address) && m.subject().equals(subject),
					Duration.ofSeconds(20));
			return mail.firstLink().orElseThrow();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String secret(String key) {
		try {
			return Files.readAllLines(this.endpoints.dataDirectory().resolve("secrets.env"))
				.stream()
				.filter((line) -> line.startsWith(key + "="))
				.map((line) -> line.substring(key.length() + 1))
				.findFirst()
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
