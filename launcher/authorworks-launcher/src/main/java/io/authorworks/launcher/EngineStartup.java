package io.authorworks.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.authorworks.launcher.engine.DatabaseEndpoint;
import io.authorworks.launcher.engine.EmbeddedAmqpBroker;
import io.authorworks.launcher.engine.EmbeddedMailServer;
import io.authorworks.launcher.engine.EmbeddedPostgresEngine;
import io.authorworks.launcher.engine.EmbeddedRedisEngine;
import io.authorworks.launcher.engine.Ports;
import io.authorworks.launcher.engine.ReceivedMail;

/**
 * Starts the engines in parallel: PostgreSQL, Redis, the AMQP broker and the development
 * mail sink, each embedded unless an external server was named. Every engine started is
 * handed to the {@link Shutdown} at once, so a failed or interrupted start stops it too.
 */
final class EngineStartup {

	// The launcher's progress and trouble are logged under one category, the platform's.
	private static final Logger log = LoggerFactory.getLogger(Platform.class);

	private final PlatformSettings settings;

	private final PortAssignment ports;

	private final Shutdown shutdown;

	private volatile @Nullable EmbeddedMailServer mailServer;

	EngineStartup(PlatformSettings settings, PortAssignment ports, Shutdown shutdown) {
		this.settings = settings;
		this.ports = ports;
		this.shutdown = shutdown;
	}

	/** The development mail server, once started, when the platform runs its own. */
	Optional<EmbeddedMailServer> mailServer() {
		return Optional.ofNullable(this.mailServer);
	}

	/** Starts every engine and waits, up to the readiness timeout, until all are up. */
	EngineEndpoints start(String adminPassword) {
		PlatformSettings s = this.settings;
		// Check every port first, so a second launcher fails before it touches anything.
		if (s.externalDatabase() == null) {
			Ports.requireFree(this.ports.port(Platform.POSTGRES), "PostgreSQL");
		}
		if (s.externalRedisUrl() == null) {
			Ports.requireFree(this.ports.port(Platform.REDIS), "Redis");
		}
		if (s.externalAmqpUrl() == null) {
			Ports.requireFree(this.ports.port(Platform.AMQP), "AMQP");
		}
		if (s.externalMail() == null) {
			Ports.requireFree(this.ports.port(Platform.SMTP), "SMTP");
			Ports.requireFree(this.ports.port(Platform.MAILBOX), "mailbox page");
		}
		// Not try-with-resources: its close() would wait for an engine that hangs.
		ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory());
		try {
			Future<DatabaseEndpoint> database = pool.submit(() -> database(adminPassword));
			Future<String> redis = pool.submit(this::redis);
			Future<String> amqp = pool.submit(this::amqp);
			Future<Platform.MailSettings> mail = pool.submit(this::mail);
			Instant deadline = Instant.now().plus(s.readinessTimeout());
			Platform.MailSettings mailSettings = await(mail, "SMTP", deadline);
			return new EngineEndpoints(await(database, "PostgreSQL", deadline), await(redis, "Redis", deadline),
					await(amqp, "AMQP broker", deadline), mailSettings.host(), mailSettings.port());
		}
		finally {
			// An engine still starting registers itself and is stopped by close().
			pool.shutdownNow();
		}
	}

	/**
	 * Waits for an engine until the deadline; one that has not started by then fails the
	 * start with a message that says which and where its log is.
	 */
	<T> T await(Future<T> future, String engine, Instant deadline) {
		return Readiness.awaitEngine(future, engine, deadline, this.settings.readinessTimeout(),
				this.settings.logDirectory());
	}

	private DatabaseEndpoint database(String adminPassword) {
		DatabaseEndpoint external = this.settings.externalDatabase();
		if (external != null) {
			return external;
		}
		EmbeddedPostgresEngine postgres = timed("PostgreSQL",
				() -> EmbeddedPostgresEngine.start(data().resolve("postgres"), this.ports.port(Platform.POSTGRES),
						adminPassword, this.settings.logDirectory().resolve("postgres.log")));
		this.shutdown.engineStarted(postgres);
		return postgres.admin().withDatabase(this.settings.databaseName());
	}

	private String redis() {
		String external = this.settings.externalRedisUrl();
		if (external != null) {
			return external;
		}
		EmbeddedRedisEngine engine = timed("Redis",
				() -> EmbeddedRedisEngine.start(data().resolve("redis"), this.ports.port(Platform.REDIS)));
		this.shutdown.engineStarted(engine);
		return engine.url();
	}

	private String amqp() {
		String external = this.settings.externalAmqpUrl();
		if (external != null) {
			return external;
		}
		EmbeddedAmqpBroker broker = timed("AMQP broker",
				() -> EmbeddedAmqpBroker.start(data().resolve("amqp"), this.ports.port(Platform.AMQP)));
		this.shutdown.engineStarted(broker);
		return broker.url();
	}

	/** The development mail sink: it keeps what deployables send and logs each mail. */
	private Platform.MailSettings mail() {
		Platform.MailSettings external = this.settings.externalMail();
		if (external != null) {
			return external;
		}
		EmbeddedMailServer server = timed("SMTP", () -> EmbeddedMailServer.start(this.ports.port(Platform.SMTP),
				this.ports.port(Platform.MAILBOX), EngineStartup::announce));
		this.shutdown.engineStarted(server);
		this.mailServer = server;
		return new Platform.MailSettings("127.0.0.1", server.smtpPort(), null, null, null);
	}

	private static void announce(ReceivedMail mail) {
		log.info("mail to {}: {} — {}", String.join(", ", mail.to()), mail.subject(),
				mail.firstLink().orElse("(no link)"));
	}

	private Path data() {
		return this.settings.dataDirectory();
	}

	private static <T> T timed(String what, Supplier<T> start) {
		Instant begin = Instant.now();
		T engine = start.get();
		log.info("{} ready in {} s", what, Readiness.seconds(Duration.between(begin, Instant.now())));
		return engine;
	}

}
