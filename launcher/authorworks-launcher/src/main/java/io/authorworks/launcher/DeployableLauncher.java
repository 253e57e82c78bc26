package io.authorworks.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.authorworks.launcher.deploy.Deployable;
import io.authorworks.launcher.deploy.DeployableProcess;

/**
 * Runs each deployable's replicas as JVMs of their own, a deployable only once those it
 * starts after are ready, and waits until every replica answers its readiness probe.
 */
final class DeployableLauncher {

	// The launcher's progress and trouble are logged under one category, the platform's.
	private static final Logger log = LoggerFactory.getLogger(Platform.class);

	private final PlatformSettings settings;

	private final PortAssignment ports;

	private final DeployableEnvironment environment;

	private final Shutdown shutdown;

	private final Map<String, Future<Path>> jars = new ConcurrentHashMap<>();

	/** A training run that takes longer than this is given up (and tried next start). */
	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

	DeployableLauncher(PlatformSettings settings, PortAssignment ports, DeployableEnvironment environment,
			Shutdown shutdown) {
		this.settings = settings;
		this.ports = ports;
		this.environment = environment;
		this.shutdown = shutdown;
	}

	/**
	 * Begins to make each deployable's jar ready to run (see {@link #runnableJar}) in the
	 * background; {@link #start} waits for what is not ready yet.
	 */
	void prepare(List<Deployable> runnable) {
		for (Deployable deployable : runnable) {
			this.jars.computeIfAbsent(deployable.name(), (name) -> {
				FutureTask<Path> task = new FutureTask<>(() -> runnableJar(deployable));
				Thread.ofVirtual().name("authorworks-prepare-" + name).start(task);
				return task;
			});
		}
	}

	/**
	 * Starts the deployables and answers the URLs of each one's replicas once all are
	 * ready. With the ahead-of-time cache on, a deployable that has no cache yet gets one
	 * recorded in the background afterwards.
	 */
	Map<String, List<URI>> start(List<Deployable> runnable, EngineEndpoints engines) {
		Map<String, CompletableFuture<Void>> ready = new HashMap<>();
		Map<String, List<URI>> urls = new LinkedHashMap<>();
		List<Training> untrained = new ArrayList<>();
		prepare(runnable);
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Deployable deployable : runnable) {
				Path jar = Readiness.await(Objects.requireNonNull(this.jars.get(deployable.name())));
				Path cache = aheadOfTimeCache(deployable);
				boolean cached = this.settings.aheadOfTimeCache() && Files.isRegularFile(cache);
				if (this.settings.aheadOfTimeCache() && !cached && !jar.equals(plainJar(deployable))) {
					untrained.add(new Training(deployable, jar, cache));
				}
				List<DeployableProcess> replicas = new ArrayList<>();
				for (int i = 0; i < this.ports.replicas(deployable); i++) {
					replicas.add(process(deployable, jar, cached ? cache : null, i, engines));
				}
				urls.put(deployable.name(), replicas.stream().map(DeployableProcess::url).toList());
				List<String> waitFor = new ArrayList<>(deployable.after());
				deployable.migratedBy()
					.stream()
					.filter((owner) -> !readyOnceWithThisJar(this.settings.registry().get(owner)))
					.forEach(waitFor::add);
				CompletableFuture<?>[] dependencies = waitFor.stream()
					.map(ready::get)
					.filter((future) -> future != null)
					.toArray(CompletableFuture[]::new);
				ready.put(deployable.name(),
						CompletableFuture.allOf(dependencies).thenRunAsync(() -> launch(deployable, replicas), pool));
			}
			CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
		if (!untrained.isEmpty()) {
			Thread.ofPlatform()
				.daemon()
				.name("authorworks-aot-training")
				.start(() -> untrained.forEach((training) -> train(training, engines)));
		}
		return urls;
	}

	private void launch(Deployable deployable, List<DeployableProcess> replicas) {
		for (DeployableProcess process : replicas) {
			this.shutdown.processStarting(process);
			process.start();
		}
		for (DeployableProcess process : replicas) {
			Instant begin = Instant.now();
			process.awaitReady(this.settings.readinessTimeout());
			log.info("{} ready on {} in {} s", process.instance(), process.url(),
					Readiness.seconds(Duration.between(begin, Instant.now())));
		}
		try {
			// Its migrations are applied: those that need only them need not wait next
			// time.
			Files.createDirectories(runDirectory(deployable));
			Files.writeString(readyMarker(deployable), jarIdentity(deployable));
		}
		catch (IOException ex) {
			// Then the next start waits for it once more.
		}
	}

	/**
	 * Whether the deployable has been ready in this data directory with the jar it has
	 * now, and so has applied the migrations that jar carries.
	 */
	private boolean readyOnceWithThisJar(Deployable deployable) {
		try {
			Path marker = readyMarker(deployable);
			return Files.isRegularFile(marker) && Files.readString(marker).equals(jarIdentity(deployable));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Path readyMarker(Deployable deployable) {
		return runDirectory(deployable).resolve("ready-with");
	}

	private String jarIdentity(Deployable deployable) throws IOException {
		Path jar = plainJar(deployable);
		return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
	}

	private DeployableProcess process(Deployable deployable, Path jar, @Nullable Path cache, int index,
			EngineEndpoints engines) {
		int port = this.ports.replicaPort(deployable, index);
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
		if (cache != null) {
			// Classes already loaded and linked. The JVM checks the cache against the
			// classpath and its own version and runs without it, with a warning in the
			// log,
			// when they differ: a stale cache costs nothing but its benefit.
			command.add("-XX:AOTCache=" + cache);
		}
		command.addAll(deployable.jvmOptions());
		command.add("-jar");
		command.add(jar.toString());
		return new DeployableProcess(instance, command, this.environment.of(deployable, port, engines),
				this.settings.workingDirectory(), this.settings.logDirectory().resolve(logName + ".log"), port,
				this.settings.restartCrashed(), log::warn);
	}

	/**
	 * Records a deployable's ahead-of-time cache: a run of its extracted jar, with its
	 * environment and JVM options, that ends once the application context is refreshed
	 * (Spring's {@code spring.context.exit=onRefresh}: beans created, migrations applied,
	 * nothing listening or consuming yet), after which the JVM writes what it loaded. It
	 * runs at low priority while the platform serves, and the cache only replaces the
	 * missing one when the run succeeded.
	 */
	private void train(Training training, EngineEndpoints engines) {
		Deployable deployable = training.deployable();
		Path partial = training.cache().resolveSibling(training.cache().getFileName() + ".partial");
		Path logFile = runDirectory(deployable).resolve("aot-training.log");
		List<String> command = new ArrayList<>();
		Path setsid = this.settings.detachFromTerminal() ? onPath("setsid") : null;
		if (setsid != null) {
			// As for the deployables: Ctrl-C reaches only the launcher, which ends this.
			command.add(setsid.toString());
		}
		Path nice = onPath("nice");
		if (nice != null) {
			command.addAll(List.of(nice.toString(), "-n", "10"));
		}
		command.add(this.settings.javaExecutable().toString());
		command.addAll(this.settings.jvmOptions());
		command.addAll(deployable.jvmOptions());
		command.add("-XX:AOTCacheOutput=" + partial);
		command.add("-Dspring.context.exit=onRefresh");
		command.add("-jar");
		command.add(training.jar().toString());
		Map<String, String> env = new HashMap<>(
				this.environment.of(deployable, this.ports.replicaPort(deployable, 0), engines));
		// Nothing listens before the refresh ends; port 0 keeps it so should that change.
		env.put("SERVER_PORT", "0");
		Instant begin = Instant.now();
		try {
			Files.deleteIfExists(partial);
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.settings.workingDirectory().toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
			builder.environment().clear();
			builder.environment().putAll(env);
			Process run = builder.start();
			this.shutdown.helperStarted(run);
			if (!run.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				run.destroyForcibly();
			}
			// The JVM keeps what it observed next to the cache while it assembles it.
			deleteQuietly(partial.resolveSibling(partial.getFileName() + ".config"));
			if (run.isAlive() || run.exitValue() != 0 || !Files.isRegularFile(partial)) {
				Files.deleteIfExists(partial);
				log.warn("could not record an ahead-of-time cache for {} (see {}); it starts without one",
						deployable.name(), logFile);
				return;
			}
			Files.move(partial, training.cache(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			log.info("recorded an ahead-of-time cache for {} in {} s: its next start uses it", deployable.name(),
					Readiness.seconds(Duration.between(begin, Instant.now())));
		}
		catch (IOException | LauncherException ex) {
			// Stopped meanwhile, or the disk refused: the next start tries again.
			deleteQuietly(partial);
		}
		catch (InterruptedException ex) {
			deleteQuietly(partial);
			Thread.currentThread().interrupt();
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Left for the next training run, which deletes it first.
		}
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

	private Path plainJar(Deployable deployable) {
		return this.settings.workingDirectory().resolve(deployable.jar()).toAbsolutePath();
	}

	private Path aheadOfTimeCache(Deployable deployable) {
		return runDirectory(deployable).resolve("app.aot");
	}

	/**
	 * The jar to run. With the ahead-of-time cache on, a Spring Boot jar is first
	 * extracted ({@code -Djarmode=tools extract}) under {@code data/run/<name>}: classes
	 * in nested jars cannot be cached, extracted ones can. The extraction, and with it
	 * the cache, is redone only when the jar or the JDK changes, so a rebuilt jar never
	 * meets a cache recorded for the one before.
	 */
	private Path runnableJar(Deployable deployable) throws IOException, InterruptedException {
		Path jar = plainJar(deployable);
		if (!this.settings.aheadOfTimeCache()) {
			return jar;
		}
		Path run = runDirectory(deployable);
		Files.createDirectories(run);
		Path extracted = run.resolve("app");
		Path extractedJar = extracted.resolve(jar.getFileName());
		Path stamp = run.resolve("extracted-from");
		Path java = this.settings.javaExecutable();
		String source = jarIdentity(deployable) + "\n" + java.toRealPath() + " "
				+ Files.getLastModifiedTime(java.toRealPath()).toMillis();
		if (Files.isRegularFile(extractedJar) && Files.exists(stamp) && Files.readString(stamp).equals(source)) {
			return extractedJar;
		}
		Files.deleteIfExists(stamp);
		Files.deleteIfExists(aheadOfTimeCache(deployable));
		Process extract = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
				"--force", "--destination", extracted.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolve("extract.log").toFile()))
			.start();
		if (extract.waitFor() == 0 && Files.isRegularFile(extractedJar)) {
			Files.writeString(stamp, source);
			return extractedJar;
		}
		// Not a Spring Boot jar: run it as it is, without a cache of its own.
		return jar;
	}

	/** A deployable whose ahead-of-time cache is still to be recorded. */
	private record Training(Deployable deployable, Path jar, Path cache) {
	}

}
