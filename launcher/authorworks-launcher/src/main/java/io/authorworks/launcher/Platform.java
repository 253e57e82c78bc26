package io.authorworks.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.authorworks.launcher.deploy.Deployable;
import io.authorworks.launcher.deploy.DeployableRegistry;
import io.authorworks.launcher.engine.DatabaseEndpoint;
import io.authorworks.launcher.engine.EmbeddedMailServer;

/**
 * The whole platform on one machine: the engines (embedded, or external servers named by
 * URL), then every deployable as its own JVM, configured exactly as in production through
 * environment variables.
 *
 * <p>
 * {@code ./authorworks} drives it through {@link Main}; end-to-end tests use it as a
 * library:
 *
 * <pre>{@code
 * try (Platform platform = Platform.builder().dataDirectory(tmp).freePorts()
 *         .externalDatabase(pg).externalRedis(redisUrl).externalAmqp(amqpUrl).build()) {
 *     PlatformEndpoints endpoints = platform.start();
 *     // drive endpoints.publicUrl()
 * }
 * }</pre>
 *
 * <p>
 * It orchestrates; the work is done by {@link PortAssignment} (ports),
 * {@link Credentials} (secrets, database roles), {@link EngineStartup} (engines and the
 * mail sink), {@link DeployableLauncher} with {@link DeployableEnvironment} (processes
 * and their environment), and {@link Shutdown} (stopping in order).
 */
public final class Platform implements AutoCloseable {

	/** Port key of the embedded PostgreSQL (default 15432). */
	public static final String POSTGRES = "postgres";

	/** Port key of the embedded Redis (default 16379). */
	public static final String REDIS = "redis";

	/** Port key of the embedded AMQP broker (default 35672). */
	public static final String AMQP = "amqp";

	/** Port key of the embedded SMTP server (default 2525). */
	public static final String SMTP = "smtp";

	/** Port key of the development mailbox page (default 8025). */
	public static final String MAILBOX = "mailbox";

	/**
	 * JVM options every deployable gets: C1 only, the serial collector and small stacks
	 * start a Spring Boot service fastest and smallest on a two-core machine. A fixed
	 * young generation of 48 MB: sized from the initial heap it was about 125 MB, all of
	 * it touched during start-up, and the largest part of each JVM's resident memory.
	 */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-Xss512k", "-Xmx384m", "-Xmn48m", "-XX:+ExitOnOutOfMemoryError");

	private static final Logger log = LoggerFactory.getLogger(Platform.class);

	private final PlatformSettings settings;

	private final PortAssignment ports;

	private final Shutdown shutdown = new Shutdown();

	private final EngineStartup engines;

	private final AtomicBoolean startCalled = new AtomicBoolean();

	private final Thread shutdownHook = new Thread(this::close, "authorworks-platform-shutdown");

	private Platform(PlatformSettings settings) {
		this.settings = settings;
		this.ports = new PortAssignment(settings);
		this.engines = new EngineStartup(settings, this.ports, this.shutdown);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts engines and deployables and waits until every deployable is ready. On
	 * failure everything already started is stopped again before the exception leaves.
	 */
	public PlatformEndpoints start() {
		if (!this.startCalled.compareAndSet(false, true)) {
			throw new IllegalStateException("a Platform starts once");
		}
		Instant begin = Instant.now();
		// Engines and child JVMs outlive this one unless stopped: stop them on any exit,
		// in order (deployables first), even when a test forgets close().
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		try {
			Files.createDirectories(this.settings.logDirectory());
			Credentials credentials = Credentials.open(this.settings.dataDirectory().resolve("secrets.env"),
					this.settings.registry());
			List<Deployable> runnable = new ArrayList<>();
			List<String> skipped = new ArrayList<>();
			for (Deployable deployable : selected()) {
				if (Files.isRegularFile(this.settings.workingDirectory().resolve(deployable.jar()))) {
					runnable.add(deployable);
				}
				else {
					skipped.add(deployable.name());
					log.warn("{} is not built ({} is missing): skipping it", deployable.name(), deployable.jar());
				}
			}
			this.ports.requireFree(runnable);
			DeployableEnvironment environment = new DeployableEnvironment(this.settings, this.ports, credentials);
			DeployableLauncher deployables = new DeployableLauncher(this.settings, this.ports, environment,
					this.shutdown);
			// Jars are extracted while the engines start: on a first start that is
			// several seconds off the critical path.
			deployables.prepare(runnable);
			EngineEndpoints engines = this.engines.start(credentials.adminPassword());
			credentials.provision(engines.database());
			Map<String, List<URI>> services = deployables.start(runnable, engines);
			log.info("platform started in {} s", Readiness.seconds(Duration.between(begin, Instant.now())));
			EmbeddedMailServer mail = this.engines.mailServer().orElse(null);
			return new PlatformEndpoints(
					URI.create(environment.resolve(this.settings.registry().platform("public-url"))), services, skipped,
					engines.database(), engines.redisUrl(), engines.amqpUrl(), engines.mailHost(), engines.mailPort(),
					(mail != null) ? URI.create(mail.pageUrl()) : null, this.settings.dataDirectory(),
					this.settings.logDirectory());
		}
		catch (IOException ex) {
			close();
			throw new LauncherException("could not prepare " + this.settings.dataDirectory() + ": " + ex.getMessage(),
					ex);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * The running process of a deployable's replica (1-based), for tests that need to
	 * kill one the way a crash would.
	 */
	public Optional<ProcessHandle> process(String deployable, int replica) {
		return this.shutdown.process((replica == 1) ? deployable : deployable + "#" + replica);
	}

	/** The development mail server, when the platform runs its own. */
	public Optional<EmbeddedMailServer> mailServer() {
		return this.engines.mailServer();
	}

	/** The data directory (engine data, secrets, logs). */
	public Path dataDirectory() {
		return this.settings.dataDirectory();
	}

	/** Blocks until {@link #close()} has finished. */
	public void awaitClosed() throws InterruptedException {
		this.shutdown.awaitFinished();
	}

	/**
	 * Stops deployables (SIGTERM, up to 20 s, then killed), then engines. Safe to call
	 * more than once and from a shutdown hook while {@link #start()} is still running.
	 */
	@Override
	public void close() {
		if (!this.shutdown.begin()) {
			return;
		}
		try {
			this.shutdown.stopEverything();
		}
		finally {
			this.shutdown.finished();
			if (Thread.currentThread() != this.shutdownHook) {
				try {
					Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
				}
				catch (IllegalStateException ex) {
					// The JVM is already shutting down; the hook is running or done.
				}
			}
		}
	}

	private List<Deployable> selected() {
		Set<String> only = this.settings.only();
		return this.settings.registry()
			.deployables()
			.stream()
			.filter((deployable) -> only == null || only.contains(deployable.name()))
			.toList();
	}

	/** The port of an engine or of a deployable's first replica. */
	int port(String key) {
		return this.ports.port(key);
	}

	/** The port of a deployable's replica {@code index} (0-based). */
	int replicaPort(Deployable deployable, int index) {
		return this.ports.replicaPort(deployable, index);
	}

	/** Waits for an engine's start until the deadline (see {@link EngineStartup}). */
	<T> T await(Future<T> future, String engine, Instant deadline) {
		return this.engines.await(future, engine, deadline);
	}

	/** The database role of a deployable (see {@link Credentials}). */
	static String databaseRole(DatabaseEndpoint database, Deployable deployable) {
		return Credentials.databaseRole(database, deployable);
	}

	/**
	 * An SMTP server other than the embedded one.
	 *
	 * @param host host name
	 * @param port port
	 * @param username user to authenticate as, if any
	 * @param password its password, if any
	 * @param from sender address, if the deployable should not use its default
	 */
	public record MailSettings(String host, int port, @Nullable String username, @Nullable String password,
			@Nullable String from) {

		@Override
		public String toString() {
			return "MailSettings[" + this.host + ":" + this.port + "]";
		}

	}

	/**
	 * Configures a {@link Platform}; every setting has a default that suits a developer.
	 */
	public static final class Builder {

		private Path workingDirectory = Path.of("").toAbsolutePath();

		private @Nullable Path dataDirectory;

		private DeployableRegistry registry = DeployableRegistry.load();

		private @Nullable Set<String> only;

		private final Map<String, Integer> replicas = new HashMap<>();

		private final Map<String, Integer> ports = new HashMap<>();

		private int portOffset;

		private boolean freePorts;

		private @Nullable DatabaseEndpoint externalDatabase;

		private @Nullable String externalRedisUrl;

		private @Nullable String externalAmqpUrl;

		private @Nullable MailSettings externalMail;

		private final Map<String, String> environment = new HashMap<>();

		private String databaseName = "authorworks";

		private Duration readinessTimeout = Duration.ofSeconds(180);

		private boolean restartCrashed = true;

		private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");

		private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;

		private boolean aheadOfTimeCache;

		private boolean detachFromTerminal = true;

		private Builder() {
		}

		/**
		 * The repository root: deployable jar paths are relative to it (default: cwd).
		 */
		public Builder workingDirectory(Path directory) {
			this.workingDirectory = directory.toAbsolutePath();
			return this;
		}

		/** Where engine data, secrets and logs live (default: {@code data} in cwd). */
		public Builder dataDirectory(Path directory) {
			this.dataDirectory = directory.toAbsolutePath();
			return this;
		}

		/** Another registry, e.g. one a test builds. */
		public Builder registry(DeployableRegistry registry) {
			this.registry = registry;
			return this;
		}

		/** Runs only these deployables (default: every declared one). */
		public Builder deployables(String... names) {
			Set<String> selected = new LinkedHashSet<>(List.of(names));
			selected.forEach(this.registry::get);
			this.only = selected;
			return this;
		}

		/** Runs the engines only. */
		public Builder noDeployables() {
			this.only = Set.of();
			return this;
		}

		/** How many replicas of a deployable to run. */
		public Builder replicas(String deployable, int count) {
			this.registry.get(deployable);
			if (count < 1) {
				throw new IllegalArgumentException("at least one replica");
			}
			this.replicas.put(deployable, count);
			return this;
		}

		/**
		 * Pins one port: an engine ({@link #POSTGRES}, {@link #REDIS}, {@link #AMQP},
		 * {@link #SMTP}, {@link #MAILBOX}) or a deployable's first replica.
		 */
		public Builder port(String key, int port) {
			this.ports.put(key, port);
			return this;
		}

		/** Adds this to every default port, to run a second platform beside the first. */
		public Builder portOffset(int offset) {
			this.portOffset = offset;
			return this;
		}

		/** Lets the operating system pick every port not pinned with {@link #port}. */
		public Builder freePorts() {
			this.freePorts = true;
			return this;
		}

		/**
		 * Uses this PostgreSQL (its database and an administering role) instead of the
		 * embedded one.
		 */
		public Builder externalDatabase(DatabaseEndpoint database) {
			this.externalDatabase = database;
			return this;
		}

		/** Uses this Redis instead of the embedded one. */
		public Builder externalRedis(String url) {
			this.externalRedisUrl = url;
			return this;
		}

		/** Uses this RabbitMQ (an {@code amqp://} URL) instead of the embedded broker. */
		public Builder externalAmqp(String url) {
			this.externalAmqpUrl = url;
			return this;
		}

		/** Uses this SMTP server instead of the embedded one (no mailbox page then). */
		public Builder externalMail(MailSettings mail) {
			this.externalMail = mail;
			return this;
		}

		/** Name of the database created in the embedded server (default authorworks). */
		public Builder databaseName(String name) {
			this.databaseName = name;
			return this;
		}

		/** How long each deployable may take to become ready (default 180 s). */
		public Builder readinessTimeout(Duration timeout) {
			this.readinessTimeout = timeout;
			return this;
		}

		/** Whether a deployable that dies is restarted with backoff (default yes). */
		public Builder restartCrashed(boolean restart) {
			this.restartCrashed = restart;
			return this;
		}

		/** The java that runs deployables (default: the launcher's own). */
		public Builder javaExecutable(Path java) {
			this.javaExecutable = java;
			return this;
		}

		/** JVM options for every deployable (default {@link #DEFAULT_JVM_OPTIONS}). */
		public Builder jvmOptions(List<String> options) {
			this.jvmOptions = List.copyOf(options);
			return this;
		}

		/**
		 * Whether each deployable runs from its extracted jar with a JVM ahead-of-time
		 * cache under {@code data/run/<name>} (default no). A deployable without a cache
		 * gets one recorded in the background once the platform is ready (a training run
		 * that stops after its application context is refreshed), and every later start
		 * uses it; a rebuilt jar or another JDK gets a new one. Worth it only for a data
		 * directory that is kept between starts, as {@code ./authorworks} does.
		 */
		public Builder aheadOfTimeCache(boolean enabled) {
			this.aheadOfTimeCache = enabled;
			return this;
		}

		/**
		 * Whether deployables run in their own session so a terminal's Ctrl-C reaches
		 * only the launcher (default yes; needs {@code setsid}).
		 */
		public Builder detachFromTerminal(boolean detach) {
			this.detachFromTerminal = detach;
			return this;
		}

		/**
		 * Gives every deployable this environment variable, over what the launcher sets
		 * (tests use it for short token lifetimes, say).
		 */
		public Builder environment(String name, String value) {
			this.environment.put(name, value);
			return this;
		}

		/**
		 * Reads the production variables: DATABASE_URL (with DATABASE_USERNAME and
		 * DATABASE_PASSWORD), REDIS_URL, RABBITMQ_URL and MAIL_HOST (with MAIL_PORT,
		 * MAIL_USERNAME, MAIL_PASSWORD, MAIL_FROM) select external servers; the
		 * launcher's own AUTHORWORKS_DATA_DIR, AUTHORWORKS_PORT_OFFSET,
		 * AUTHORWORKS_READY_TIMEOUT (seconds), AUTHORWORKS_DEPLOYABLES (comma-separated)
		 * and AUTHORWORKS_&lt;NAME&gt;_REPLICAS tune it.
		 */
		public Builder fromEnvironment(Map<String, String> env) {
			String databaseUrl = blankToNull(env.get("DATABASE_URL"));
			if (databaseUrl != null) {
				externalDatabase(DatabaseEndpoint.parse(databaseUrl, env.get("DATABASE_USERNAME"),
						env.get("DATABASE_PASSWORD")));
			}
			String redisUrl = blankToNull(env.get("REDIS_URL"));
			if (redisUrl != null) {
				externalRedis(redisUrl);
			}
			String amqpUrl = blankToNull(env.get("RABBITMQ_URL"));
			if (amqpUrl != null) {
				externalAmqp(amqpUrl);
			}
			String mailHost = blankToNull(env.get("MAIL_HOST"));
			if (mailHost != null) {
				externalMail(new MailSettings(mailHost, number(env, "MAIL_PORT", 25), env.get("MAIL_USERNAME"),
						env.get("MAIL_PASSWORD"), env.get("MAIL_FROM")));
			}
			String dataDir = blankToNull(env.get("AUTHORWORKS_DATA_DIR"));
			if (dataDir != null) {
				dataDirectory(Path.of(dataDir));
			}
			portOffset(number(env, "AUTHORWORKS_PORT_OFFSET", this.portOffset));
			readinessTimeout(Duration
				.ofSeconds(number(env, "AUTHORWORKS_READY_TIMEOUT", (int) this.readinessTimeout.toSeconds())));
			String deployables = blankToNull(env.get("AUTHORWORKS_DEPLOYABLES"));
			if (deployables != null) {
				deployables(deployables.strip().split("\\s*,\\s*"));
			}
			for (Deployable deployable : this.registry.deployables()) {
				String key = "AUTHORWORKS_" + deployable.envName() + "_REPLICAS";
				if (blankToNull(env.get(key)) != null) {
					replicas(deployable.name(), number(env, key, 1));
				}
			}
			return this;
		}

		private static int number(Map<String, String> env, String key, int fallback) {
			String value = blankToNull(env.get(key));
			if (value == null) {
				return fallback;
			}
			try {
				return Integer.parseInt(value.strip());
			}
			catch (NumberFormatException ex) {
				throw new LauncherException(key + " must be a number, not '" + value + "'");
			}
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value;
		}

		public Platform build() {
			Path data = (this.dataDirectory != null) ? this.dataDirectory : this.workingDirectory.resolve("data");
			return new Platform(new PlatformSettings(this.workingDirectory, data, this.registry,
					(this.only != null) ? Set.copyOf(this.only) : null, Map.copyOf(this.replicas),
					Map.copyOf(this.ports), this.portOffset, this.freePorts, this.externalDatabase,
					this.externalRedisUrl, this.externalAmqpUrl, this.externalMail, this.databaseName,
					this.readinessTimeout, this.restartCrashed, this.javaExecutable, this.jvmOptions,
					this.aheadOfTimeCache, this.detachFromTerminal, Map.copyOf(this.environment)));
		}

	}

}
