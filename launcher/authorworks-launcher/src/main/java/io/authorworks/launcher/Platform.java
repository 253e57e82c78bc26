package io.authorworks.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.authorworks.launcher.deploy.Deployable;
import io.authorworks.launcher.deploy.DeployableProcess;
import io.authorworks.launcher.deploy.DeployableRegistry;
import io.authorworks.launcher.deploy.Placeholders;
import io.authorworks.launcher.deploy.Secrets;
import io.authorworks.launcher.engine.DatabaseEndpoint;
import io.authorworks.launcher.engine.DatabaseProvisioner;
import io.authorworks.launcher.engine.EmbeddedAmqpBroker;
import io.authorworks.launcher.engine.EmbeddedMailServer;
import io.authorworks.launcher.engine.EmbeddedPostgresEngine;
import io.authorworks.launcher.engine.EmbeddedRedisEngine;
import io.authorworks.launcher.engine.Ports;
import io.authorworks.launcher.engine.ReceivedMail;

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

	private static final Map<String, Integer> ENGINE_PORTS = Map.of(POSTGRES, 15432, REDIS, 16379, AMQP, 35672, SMTP,
			2525, MAILBOX, 8025);

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	/**
	 * JVM options every deployable gets: C1 only, the serial collector and small stacks
	 * start a Spring Boot service fastest and smallest on a two-core machine.
	 */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-Xss512k", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError");

	private static final Logger log = LoggerFactory.getLogger(Platform.class);

	private final Settings settings;

	private final Map<String, Integer> allocatedPorts = new ConcurrentHashMap<>();

	private final List<AutoCloseable> engines = new ArrayList<>();

	private final List<DeployableProcess> processes = new ArrayList<>();

	private final AtomicBoolean startCalled = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final CountDownLatch closedLatch = new CountDownLatch(1);

	private final Thread shutdownHook = new Thread(this::close, "authorworks-platform-shutdown");

	private @Nullable Secrets secrets;

	private @Nullable EmbeddedMailServer mailServer;

	private Platform(Settings settings) {
		this.settings = settings;
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
			Files.createDirectories(logDirectory());
			Secrets secrets = Secrets.open(this.settings.dataDirectory().resolve("secrets.env"));
			this.secrets = secrets;
			List<Deployable> declared = this.settings.registry().deployables();
			declared.forEach((deployable) -> {
				secrets.get(clientSecretKey(deployable));
				if (deployable.hasSchema()) {
					secrets.get(databasePasswordKey(deployable));
				}
			});
			secrets.get("POSTGRES_ADMIN_PASSWORD");
			// Saved before any engine starts: a password PostgreSQL got must not be lost.
			secrets.save();
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
			checkDeployablePorts(runnable);
			Engines engines = startEngines(secrets);
			provisionDatabase(engines.database(), declared, secrets);
			Map<String, List<URI>> services = startDeployables(runnable, engines);
			log.info("platform started in {} s", seconds(Duration.between(begin, Instant.now())));
			EmbeddedMailServer mail = this.mailServer;
			return new PlatformEndpoints(URI.create(resolve(this.settings.registry().platform("public-url"))), services,
					skipped, engines.database(), engines.redisUrl(), engines.amqpUrl(), engines.mailHost(),
					engines.mailPort(), (mail != null) ? URI.create(mail.pageUrl()) : null,
					this.settings.dataDirectory(), logDirectory());
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
		String instance = (replica == 1) ? deployable : deployable + "#" + replica;
		synchronized (this.processes) {
			return this.processes.stream()
				.filter((process) -> process.instance().equals(instance))
				.findFirst()
				.flatMap(DeployableProcess::handle);
		}
	}

	/** The development mail server, when the platform runs its own. */
	public Optional<EmbeddedMailServer> mailServer() {
		return Optional.ofNullable(this.mailServer);
	}

	/** The data directory (engine data, secrets, logs). */
	public Path dataDirectory() {
		return this.settings.dataDirectory();
	}

	/** Blocks until {@link #close()} has finished. */
	public void awaitClosed() throws InterruptedException {
		this.closedLatch.await();
	}

	/**
	 * Stops deployables (SIGTERM, up to 20 s, then killed), then engines. Safe to call
	 * more than once and from a shutdown hook while {@link #start()} is still running.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			try {
				this.closedLatch.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return;
		}
		try {
			List<DeployableProcess> running;
			synchronized (this.processes) {
				running = List.copyOf(this.processes);
			}
			running.forEach(DeployableProcess::requestStop);
			Instant deadline = Instant.now().plus(STOP_GRACE);
			for (DeployableProcess process : running) {
				Duration left = Duration.between(Instant.now(), deadline);
				process.awaitStopped(left.isNegative() ? Duration.ZERO : left);
			}
			List<AutoCloseable> started;
			synchronized (this.engines) {
				started = new ArrayList<>(this.engines);
			}
			for (AutoCloseable engine : started.reversed()) {
				try {
					engine.close();
				}
				catch (Exception ex) {
					log.warn("could not stop {}: {}", engine.getClass().getSimpleName(), ex.getMessage());
				}
			}
		}
		finally {
			this.closedLatch.countDown();
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

	private Path logDirectory() {
		return this.settings.dataDirectory().resolve("logs");
	}

	// Ports

	/** The port of an engine or of a deployable's first replica. */
	int port(String key) {
		Integer explicit = this.settings.ports().get(key);
		if (explicit != null) {
			return explicit;
		}
		if (this.settings.freePorts()) {
			return allocate(key);
		}
		Integer engine = ENGINE_PORTS.get(key);
		int base = (engine != null) ? engine : this.settings.registry().get(key).port();
		return base + this.settings.portOffset();
	}

	/**
	 * A free port for the key, never one already given to another key. The operating
	 * system may hand out the same free port twice while neither is bound yet; two
	 * engines on one port made PostgreSQL's readiness check talk to the AMQP broker and
	 * wait forever.
	 */
	private synchronized int allocate(String key) {
		Integer known = this.allocatedPorts.get(key);
		if (known != null) {
			return known;
		}
		int port = Ports.findFree();
		while (this.allocatedPorts.containsValue(port)) {
			port = Ports.findFree();
		}
		this.allocatedPorts.put(key, port);
		return port;
	}

	/** Replica {@code index} listens on the first replica's port plus 100 per index. */
	int replicaPort(Deployable deployable, int index) {
		if (index == 0) {
			return port(deployable.name());
		}
		if (this.settings.freePorts() && !this.settings.ports().containsKey(deployable.name())) {
			return allocate(deployable.name() + "#" + index);
		}
		return port(deployable.name()) + Deployable.REPLICA_PORT_STEP * index;
	}

	private int replicas(Deployable deployable) {
		return this.settings.replicas().getOrDefault(deployable.name(), deployable.replicas());
	}

	private void checkDeployablePorts(List<Deployable> runnable) {
		for (Deployable deployable : runnable) {
			for (int i = 0; i < replicas(deployable); i++) {
				Ports.requireFree(replicaPort(deployable, i), deployable.name());
			}
		}
	}

	// Engines

	private record Engines(DatabaseEndpoint database, String redisUrl, String amqpUrl, String mailHost, int mailPort) {
	}

	private Engines startEngines(Secrets secrets) {
		Settings s = this.settings;
		Path data = s.dataDirectory();
		// Check every port first, so a second launcher fails before it touches anything.
		if (s.externalDatabase() == null) {
			Ports.requireFree(port(POSTGRES), "PostgreSQL");
		}
		if (s.externalRedisUrl() == null) {
			Ports.requireFree(port(REDIS), "Redis");
		}
		if (s.externalAmqpUrl() == null) {
			Ports.requireFree(port(AMQP), "AMQP");
		}
		if (s.externalMail() == null) {
			Ports.requireFree(port(SMTP), "SMTP");
			Ports.requireFree(port(MAILBOX), "mailbox page");
		}
		String adminPassword = secrets.get("POSTGRES_ADMIN_PASSWORD");
		// Not try-with-resources: its close() would wait for an engine that hangs.
		ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory());
		try {
			Future<DatabaseEndpoint> database = pool.submit(() -> {
				DatabaseEndpoint external = s.externalDatabase();
				if (external != null) {
					return external;
				}
				EmbeddedPostgresEngine postgres = timed("PostgreSQL",
						() -> EmbeddedPostgresEngine.start(data.resolve("postgres"), port(POSTGRES), adminPassword,
								logDirectory().resolve("postgres.log")));
				register(postgres);
				return postgres.admin().withDatabase(s.databaseName());
			});
			Future<String> redis = pool.submit(() -> {
				String external = s.externalRedisUrl();
				if (external != null) {
					return external;
				}
				EmbeddedRedisEngine engine = timed("Redis",
						() -> EmbeddedRedisEngine.start(data.resolve("redis"), port(REDIS)));
				register(engine);
				return engine.url();
			});
			Future<String> amqp = pool.submit(() -> {
				String external = s.externalAmqpUrl();
				if (external != null) {
					return external;
				}
				EmbeddedAmqpBroker broker = timed("AMQP broker",
						() -> EmbeddedAmqpBroker.start(data.resolve("amqp"), port(AMQP)));
				register(broker);
				return broker.url();
			});
			Future<MailSettings> mail = pool.submit(() -> {
				MailSettings external = s.externalMail();
				if (external != null) {
					return external;
				}
				EmbeddedMailServer server = timed("SMTP",
						() -> EmbeddedMailServer.start(port(SMTP), port(MAILBOX), Platform::announce));
				register(server);
				this.mailServer = server;
				return new MailSettings("127.0.0.1", server.smtpPort(), null, null, null);
			});
			Instant deadline = Instant.now().plus(s.readinessTimeout());
			MailSettings mailSettings = await(mail, "SMTP", deadline);
			return new Engines(await(database, "PostgreSQL", deadline), await(redis, "Redis", deadline),
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
		try {
			return future.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new LauncherException(engine + " did not start within " + seconds(this.settings.readinessTimeout())
					+ " s (AUTHORWORKS_READY_TIMEOUT). Its log is in " + logDirectory() + ".", ex);
		}
		catch (ExecutionException ex) {
			throw startFailure(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("interrupted while starting", ex);
		}
	}

	private static void announce(ReceivedMail mail) {
		log.info("mail to {}: {} — {}", String.join(", ", mail.to()), mail.subject(),
				mail.firstLink().orElse("(no link)"));
	}

	private <T> T timed(String what, Supplier<T> start) {
		Instant begin = Instant.now();
		T engine = start.get();
		log.info("{} ready in {} s", what, seconds(Duration.between(begin, Instant.now())));
		return engine;
	}

	private void register(AutoCloseable engine) {
		synchronized (this.engines) {
			this.engines.add(engine);
		}
		if (this.closed.get()) {
			// close() ran while this engine was starting and could not see it.
			try {
				engine.close();
			}
			catch (Exception ex) {
				log.warn("could not stop {}: {}", engine.getClass().getSimpleName(), ex.getMessage());
			}
			throw new LauncherException("stopped while starting");
		}
	}

	private static <T> T await(Future<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw startFailure(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("interrupted while starting", ex);
		}
	}

	private static RuntimeException startFailure(ExecutionException ex) {
		if (ex.getCause() instanceof RuntimeException runtime) {
			return runtime;
		}
		return new LauncherException(String.valueOf(ex.getCause()), ex.getCause());
	}

	private void provisionDatabase(DatabaseEndpoint admin, List<Deployable> declared, Secrets secrets) {
		List<DatabaseProvisioner.Grant> grants = declared.stream()
			.filter(Deployable::hasSchema)
			.map((deployable) -> new DatabaseProvisioner.Grant(databaseRole(admin, deployable),
					secrets.get(databasePasswordKey(deployable)), String.valueOf(deployable.schema())))
			.distinct()
			.toList();
		if (!grants.isEmpty()) {
			new DatabaseProvisioner(admin).provision(grants);
		}
	}

	/**
	 * The role is named after database and schema ({@code authorworks_users}), so
	 * platforms sharing one external server through different databases never share a
	 * role.
	 */
	static String databaseRole(DatabaseEndpoint database, Deployable deployable) {
		return (database.database() + "_" + deployable.schema()).toLowerCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * Deployables that share a schema (content-service and content-worker share
	 * {@code content}) share its role, so they share the password of the first one
	 * declared.
	 */
	private String databasePasswordKey(Deployable deployable) {
		Deployable owner = this.settings.registry()
			.deployables()
			.stream()
			.filter((d) -> d.hasSchema() && String.valueOf(d.schema()).equals(String.valueOf(deployable.schema())))
			.findFirst()
			.orElse(deployable);
		return "DATABASE_PASSWORD_" + owner.envName();
	}

	private static String clientSecretKey(Deployable deployable) {
		return "SERVICE_CLIENT_SECRET_" + deployable.envName();
	}

	// Deployables

	private Map<String, List<URI>> startDeployables(List<Deployable> runnable, Engines engines) {
		Map<String, CompletableFuture<Void>> ready = new HashMap<>();
		Map<String, List<URI>> urls = new LinkedHashMap<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			Map<String, Future<Path>> jars = new HashMap<>();
			for (Deployable deployable : runnable) {
				jars.put(deployable.name(), pool.submit(() -> runnableJar(deployable)));
			}
			for (Deployable deployable : runnable) {
				Path jar = await(jars.get(deployable.name()));
				List<DeployableProcess> replicas = new ArrayList<>();
				for (int i = 0; i < replicas(deployable); i++) {
					replicas.add(process(deployable, jar, i, engines));
				}
				urls.put(deployable.name(), replicas.stream().map(DeployableProcess::url).toList());
				CompletableFuture<?>[] dependencies = deployable.after()
					.stream()
					.map(ready::get)
					.filter((future) -> future != null)
					.toArray(CompletableFuture[]::new);
				ready.put(deployable.name(),
						CompletableFuture.allOf(dependencies).thenRunAsync(() -> launch(replicas), pool));
			}
			CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
		return urls;
	}

	private void launch(List<DeployableProcess> replicas) {
		for (DeployableProcess process : replicas) {
			synchronized (this.processes) {
				if (this.closed.get()) {
					throw new LauncherException("stopped while starting");
				}
				this.processes.add(process);
			}
			process.start();
		}
		for (DeployableProcess process : replicas) {
			Instant begin = Instant.now();
			process.awaitReady(this.settings.readinessTimeout());
			log.info("{} ready on {} in {} s", process.instance(), process.url(),
					seconds(Duration.between(begin, Instant.now())));
		}
	}

	private DeployableProcess process(Deployable deployable, Path jar, int index, Engines engines) {
		int port = replicaPort(deployable, index);
		String instance = (index == 0) ? deployable.name() : deployable.name() + "#" + (index + 1);
		String logName = (index == 0) ? deployable.name() : deployable.name() + "-" + (index + 1);
		List<String> command = new ArrayList<>();
		Path setsid = this.settings.detachFromTerminal() ? onPath("setsid") : null;
		if (setsid != null) {
			// A session of its own: Ctrl-C in the terminal reaches only the launcher,
			// which stops deployables before the engines they need.
			command.add(setsid.toString());
		}
		command.add(this.settings.javaExecutable().toString());
		command.addAll(this.settings.jvmOptions());
		if (this.settings.classDataSharing()) {
			// One archive per replica: two JVMs must never write the same file at exit.
			Path archive = runDirectory(deployable).resolve("replica-" + (index + 1) + ".jsa");
			command.add("-XX:SharedArchiveFile=" + archive);
			command.add("-XX:+AutoCreateSharedArchive");
			// A stale or partial archive is rebuilt silently; its warnings help nobody.
			command.add("-Xlog:cds=off");
			command.add("-Xlog:cds+dynamic=off");
		}
		command.addAll(deployable.jvmOptions());
		command.add("-jar");
		command.add(jar.toString());
		return new DeployableProcess(instance, command, environment(deployable, port, engines),
				this.settings.workingDirectory(), logDirectory().resolve(logName + ".log"), port,
				this.settings.restartCrashed(), log::warn);
	}

	private static @Nullable Path onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(java.io.File.pathSeparator)) {
			if (!directory.isEmpty()) {
				Path candidate = Path.of(directory, program);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	private Path runDirectory(Deployable deployable) {
		return this.settings.dataDirectory().resolve("run").resolve(deployable.name()).toAbsolutePath();
	}

	/**
	 * The jar to run. With class-data sharing on, a Spring Boot jar is first extracted
	 * ({@code -Djarmode=tools extract}) under {@code data/run/<name>}: classes in nested
	 * jars cannot be archived, extracted ones can, which halves start-up of a Boot
	 * service from its second start on (measured 2.0 s to 0.9 s for a small web app). The
	 * extraction is redone only when the jar changes.
	 */
	private Path runnableJar(Deployable deployable) throws IOException, InterruptedException {
		Path jar = this.settings.workingDirectory().resolve(deployable.jar()).toAbsolutePath();
		if (!this.settings.classDataSharing()) {
			return jar;
		}
		Path run = runDirectory(deployable);
		Files.createDirectories(run);
		Path extracted = run.resolve("app");
		Path extractedJar = extracted.resolve(jar.getFileName());
		Path stamp = run.resolve("extracted-from");
		String source = jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
		if (Files.isRegularFile(extractedJar) && Files.exists(stamp) && Files.readString(stamp).equals(source)) {
			return extractedJar;
		}
		Files.deleteIfExists(stamp);
		Process extract = new ProcessBuilder(this.settings.javaExecutable().toString(), "-Djarmode=tools", "-jar",
				jar.toString(), "extract", "--force", "--destination", extracted.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolve("extract.log").toFile()))
			.start();
		if (extract.waitFor() == 0 && Files.isRegularFile(extractedJar)) {
			Files.writeString(run.resolve("extracted-from"), source);
			return extractedJar;
		}
		// Not a Spring Boot jar: run it as it is; the JDK classes are still archived.
		return jar;
	}

	/** The environment docs/configuration.md promises each deployable. */
	Map<String, String> environment(Deployable deployable, int port, Engines engines) {
		Secrets secrets = this.secrets;
		if (secrets == null) {
			throw new IllegalStateException("secrets are read at start");
		}
		Map<String, String> env = new HashMap<>(System.getenv());
		// The launcher's own configuration must not leak into a deployable as its own.
		env.keySet()
			.removeIf((key) -> key.startsWith("DATABASE_") || key.startsWith("MAIL_") || key.startsWith("OIDC_")
					|| key.startsWith("SERVICE_CLIENT") || key.startsWith("AUTHORWORKS_")
					|| Set
						.of("SERVER_PORT", "REDIS_URL", "RABBITMQ_URL", "LOG_FORMAT", "GATEWAY_CLIENT_SECRET",
								"SIGNING_KEY_PASSWORD")
						.contains(key));
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("LOG_FORMAT", "json");
		// Boot serves the readiness probe the launcher waits on only on Kubernetes
		// unless told to.
		env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
		env.put("OIDC_ISSUER", resolve(this.settings.registry().platform("public-url")));
		env.put("OIDC_JWKS_URI", resolve(this.settings.registry().platform("jwks-uri")));
		env.put("OIDC_TOKEN_URI", resolve(this.settings.registry().platform("token-uri")));
		env.put("REDIS_URL", engines.redisUrl());
		env.put("RABBITMQ_URL", engines.amqpUrl());
		if (this.settings.externalAmqpUrl() == null) {
			// The embedded Qpid broker refuses RabbitMQ's x-dead-letter-* queue
			// arguments; the
			// platform's own republish-then-ack path still moves failed messages to the
			// .dlq.
			env.put("AUTHORWORKS_EVENTS_BROKER_DEAD_LETTERING", "false");
		}
		env.put("SERVICE_CLIENT_ID", deployable.name());
		env.put("SERVICE_CLIENT_SECRET", secrets.get(clientSecretKey(deployable)));
		if (deployable.hasSchema()) {
			env.put("DATABASE_URL", engines.database().jdbcUrl());
			env.put("DATABASE_USERNAME", databaseRole(engines.database(), deployable));
			env.put("DATABASE_PASSWORD", secrets.get(databasePasswordKey(deployable)));
		}
		if (deployable.mail()) {
			env.put("MAIL_HOST", engines.mailHost());
			env.put("MAIL_PORT", String.valueOf(engines.mailPort()));
			MailSettings external = this.settings.externalMail();
			if (external != null) {
				putIfPresent(env, "MAIL_USERNAME", external.username());
				putIfPresent(env, "MAIL_PASSWORD", external.password());
				putIfPresent(env, "MAIL_FROM", external.from());
			}
		}
		deployable.env().forEach((key, value) -> env.put(key, resolve(value)));
		env.putAll(this.settings.environment());
		return env;
	}

	private static void putIfPresent(Map<String, String> env, String key, @Nullable String value) {
		if (value != null) {
			env.put(key, value);
		}
	}

	private String resolve(String template) {
		return Placeholders.resolve(template, this::lookup);
	}

	private String lookup(String key) {
		int colon = key.indexOf(':');
		String kind = (colon >= 0) ? key.substring(0, colon) : key;
		String argument = (colon >= 0) ? key.substring(colon + 1) : "";
		Secrets secrets = this.secrets;
		return switch (kind) {
			case "url" -> "http://localhost:" + port(this.settings.registry().get(argument).name());
			case "urls" -> {
				Deployable target = this.settings.registry().get(argument);
				List<String> all = new ArrayList<>();
				for (int i = 0; i < replicas(target); i++) {
					all.add("http://localhost:" + replicaPort(target, i));
				}
				yield String.join(",", all);
			}
			case "port" -> String.valueOf(port(this.settings.registry().get(argument).name()));
			case "secret" -> {
				if (secrets == null) {
					throw new IllegalStateException("secrets are read at start");
				}
				yield secrets.get(argument);
			}
			case "serviceClients" -> serviceClients();
			default -> throw new LauncherException("unknown placeholder ${" + key + "}");
		};
	}

	/**
	 * SERVICE_CLIENTS for the authorization server: {@code id:secret:scope scope…} for
	 * every declared deployable that has scopes, whether or not it runs now, so a
	 * deployable started later is already known.
	 */
	private String serviceClients() {
		Secrets secrets = this.secrets;
		if (secrets == null) {
			throw new IllegalStateException("secrets are read at start");
		}
		return this.settings.registry()
			.deployables()
			.stream()
			.filter(Deployable::isServiceClient)
			.map((deployable) -> deployable.name() + ":" + secrets.get(clientSecretKey(deployable)) + ":"
					+ String.join(" ", deployable.scopes()))
			.collect(Collectors.joining(","));
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
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

	private record Settings(Path workingDirectory, Path dataDirectory, DeployableRegistry registry,
			@Nullable Set<String> only, Map<String, Integer> replicas, Map<String, Integer> ports, int portOffset,
			boolean freePorts, @Nullable DatabaseEndpoint externalDatabase, @Nullable String externalRedisUrl,
			@Nullable String externalAmqpUrl, @Nullable MailSettings externalMail, String databaseName,
			Duration readinessTimeout, boolean restartCrashed, Path javaExecutable, List<String> jvmOptions,
			boolean classDataSharing, boolean detachFromTerminal, Map<String, String> environment) {
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

		private boolean classDataSharing = true;

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
		 * Whether each deployable keeps a class-data-sharing archive under
		 * {@code data/cds} that speeds up its next start (default yes).
		 */
		public Builder classDataSharing(boolean enabled) {
			this.classDataSharing = enabled;
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
			return new Platform(new Settings(this.workingDirectory, data, this.registry,
					(this.only != null) ? Set.copyOf(this.only) : null, Map.copyOf(this.replicas),
					Map.copyOf(this.ports), this.portOffset, this.freePorts, this.externalDatabase,
					this.externalRedisUrl, this.externalAmqpUrl, this.externalMail, this.databaseName,
					this.readinessTimeout, this.restartCrashed, this.javaExecutable, this.jvmOptions,
					this.classDataSharing, this.detachFromTerminal, Map.copyOf(this.environment)));
		}

	}

}
