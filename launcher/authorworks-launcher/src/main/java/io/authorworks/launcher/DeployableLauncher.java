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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

	DeployableLauncher(PlatformSettings settings, PortAssignment ports, DeployableEnvironment environment,
			Shutdown shutdown) {
		this.settings = settings;
		this.ports = ports;
		this.environment = environment;
		this.shutdown = shutdown;
	}

	/**
	 * Starts the deployables and answers the URLs of each one's replicas once all are
	 * ready.
	 */
	Map<String, List<URI>> start(List<Deployable> runnable, EngineEndpoints engines) {
		Map<String, CompletableFuture<Void>> ready = new HashMap<>();
		Map<String, List<URI>> urls = new LinkedHashMap<>();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			Map<String, Future<Path>> jars = new HashMap<>();
			for (Deployable deployable : runnable) {
				jars.put(deployable.name(), pool.submit(() -> runnableJar(deployable)));
			}
			for (Deployable deployable : runnable) {
				Path jar = Readiness.await(Objects.requireNonNull(jars.get(deployable.name())));
				List<DeployableProcess> replicas = new ArrayList<>();
				for (int i = 0; i < this.ports.replicas(deployable); i++) {
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
			this.shutdown.processStarting(process);
			process.start();
		}
		for (DeployableProcess process : replicas) {
			Instant begin = Instant.now();
			process.awaitReady(this.settings.readinessTimeout());
			log.info("{} ready on {} in {} s", process.instance(), process.url(),
					Readiness.seconds(Duration.between(begin, Instant.now())));
		}
	}

	private DeployableProcess process(Deployable deployable, Path jar, int index, EngineEndpoints engines) {
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
		return new DeployableProcess(instance, command, this.environment.of(deployable, port, engines),
				this.settings.workingDirectory(), this.settings.logDirectory().resolve(logName + ".log"), port,
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

}
