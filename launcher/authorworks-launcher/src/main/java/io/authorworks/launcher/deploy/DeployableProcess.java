package io.authorworks.launcher.deploy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.authorworks.launcher.LauncherException;

/**
 * One replica of a deployable running as its own JVM: started with its environment,
 * watched until its readiness probe answers, restarted with backoff if it dies, and
 * stopped gracefully.
 */
public final class DeployableProcess {

	private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

	/** A process that stayed up this long counts as healthy again: backoff resets. */
	private static final Duration STABLE = Duration.ofMinutes(2);

	private final String instance;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path workingDirectory;

	private final Path logFile;

	private final int port;

	private final boolean restart;

	private final Consumer<String> console;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private @Nullable Process process;

	private volatile boolean stopping;

	/**
	 * Until the first readiness, {@link #awaitReady} reports a death, not the watcher.
	 */
	private volatile boolean wasReady;

	private Duration backoff = Duration.ofSeconds(1);

	private Instant startedAt = Instant.now();

	/**
	 * @param instance name shown to people, e.g. {@code user-service} or
	 * {@code user-service#2}
	 * @param command the full command line
	 * @param environment the complete environment of the process
	 * @param workingDirectory where it runs
	 * @param logFile where its stdout and stderr are appended
	 * @param port its HTTP port, probed for readiness
	 * @param restart whether to restart it when it dies unexpectedly
	 * @param console where messages for the person running the launcher go
	 */
	public DeployableProcess(String instance, List<String> command, Map<String, String> environment,
			Path workingDirectory, Path logFile, int port, boolean restart, Consumer<String> console) {
		this.instance = instance;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.workingDirectory = workingDirectory;
		this.logFile = logFile;
		this.port = port;
		this.restart = restart;
		this.console = console;
	}

	public String instance() {
		return this.instance;
	}

	public int port() {
		return this.port;
	}

	public Path logFile() {
		return this.logFile;
	}

	/** The base URL, as other deployables reach it. */
	public URI url() {
		return URI.create("http://localhost:" + this.port);
	}

	/** The operating-system process, while one runs. */
	public synchronized java.util.Optional<ProcessHandle> handle() {
		Process current = this.process;
		return (current != null && current.isAlive()) ? java.util.Optional.of(current.toHandle())
				: java.util.Optional.empty();
	}

	/** Starts the process; readiness is awaited separately. */
	public synchronized void start() {
		if (this.stopping) {
			return;
		}
		ProcessBuilder builder = new ProcessBuilder(this.command).directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
			.redirectInput(ProcessBuilder.Redirect.PIPE);
		builder.environment().clear();
		builder.environment().putAll(this.environment);
		try {
			Files.createDirectories(this.logFile.getParent());
			Files.writeString(this.logFile,
					"%n--- %s starting %s on port %d ---%n".formatted(Instant.now(), this.instance, this.port),
					StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			Process started = builder.start();
			this.process = started;
			this.startedAt = Instant.now();
			started.onExit().thenAccept(this::exited);
		}
		catch (IOException ex) {
			throw new LauncherException("could not start " + this.instance + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers 200, failing with the tail
	 * of the log when the process dies first or the time runs out.
	 */
	public void awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		URI probe = URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness");
		while (true) {
			Process current = this.process;
			if (this.stopping) {
				throw new LauncherException(this.instance + " was stopped while starting");
			}
			if (current == null || !current.isAlive()) {
				throw new LauncherException(this.instance + " exited while starting"
						+ ((current != null) ? " (exit code " + current.exitValue() + ")" : "") + ". Last lines of "
						+ this.logFile + ":\n" + tail(this.logFile, 40));
			}
			if (isReady(probe)) {
				this.wasReady = true;
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new LauncherException(this.instance + " was not ready on port " + this.port + " within "
						+ timeout.toSeconds() + " s. Last lines of " + this.logFile + ":\n" + tail(this.logFile, 40));
			}
			sleep(PROBE_INTERVAL);
		}
	}

	private boolean isReady(URI probe) {
		try {
			HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("interrupted while waiting for " + this.instance, ex);
		}
	}

	private void exited(Process exited) {
		if (this.stopping || exited != this.process || !this.wasReady) {
			return;
		}
		Duration delay;
		synchronized (this) {
			if (Duration.between(this.startedAt, Instant.now()).compareTo(STABLE) > 0) {
				this.backoff = Duration.ofSeconds(1);
			}
			delay = this.backoff;
			this.backoff = this.backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
					: this.backoff.multipliedBy(2);
		}
		if (!this.restart) {
			this.console
				.accept("!! " + this.instance + " exited with code " + exited.exitValue() + " — see " + this.logFile);
			return;
		}
		this.console.accept("!! " + this.instance + " exited with code " + exited.exitValue() + "; restarting in "
				+ delay.toSeconds() + " s — see " + this.logFile);
		Thread.ofVirtual().name("restart-" + this.instance).start(() -> {
			sleep(delay);
			if (this.stopping) {
				return;
			}
			try {
				start();
				awaitReady(Duration.ofMinutes(3));
				this.console.accept(this.instance + " is ready again on " + url());
			}
			catch (LauncherException ex) {
				// exited() runs again for the new process and schedules the next attempt.
				if (!this.stopping) {
					this.console.accept("!! " + this.instance + " did not come back: " + firstLine(ex.getMessage()));
				}
			}
		});
	}

	/** Asks the process to stop (SIGTERM); {@link #awaitStopped} waits for it. */
	public synchronized void requestStop() {
		this.stopping = true;
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
		}
	}

	/** Waits up to {@code grace} for the process to end, then kills it. */
	public void awaitStopped(Duration grace) {
		Process current = this.process;
		if (current == null) {
			return;
		}
		try {
			if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.console.accept(this.instance + " did not stop within " + grace.toSeconds() + " s; killing it");
				current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			current.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The last {@code lines} lines of a file, read from its end so large logs are cheap.
	 */
	static String tail(Path file, int lines) {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			long from = Math.max(0, length - 64 * 1024);
			byte[] bytes = new byte[(int) (length - from)];
			in.seek(from);
			in.readFully(bytes);
			List<String> all = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n")));
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(could not read " + file + ": " + ex.getMessage() + ")";
		}
	}

	private static String firstLine(@Nullable String text) {
		if (text == null) {
			return "";
		}
		int newline = text.indexOf('\n');
		return (newline >= 0) ? text.substring(0, newline) : text;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("interrupted", ex);
		}
	}

}
