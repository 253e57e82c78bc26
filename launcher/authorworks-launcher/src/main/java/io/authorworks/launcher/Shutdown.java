package io.authorworks.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.authorworks.launcher.deploy.DeployableProcess;

/**
 * What has been started and must be stopped again, in order: deployables first (SIGTERM,
 * up to 20 s, then killed), then the engines they need, newest first. Something that
 * starts after the stop began is stopped at once and fails its start.
 */
final class Shutdown {

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	// The launcher's progress and trouble are logged under one category, the platform's.
	private static final Logger log = LoggerFactory.getLogger(Platform.class);

	private final List<AutoCloseable> engines = new ArrayList<>();

	private final List<DeployableProcess> processes = new ArrayList<>();

	private final List<Process> helpers = new ArrayList<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final CountDownLatch closedLatch = new CountDownLatch(1);

	/** Keeps a started engine for the stop; fails if the stop already began. */
	void engineStarted(AutoCloseable engine) {
		synchronized (this.engines) {
			this.engines.add(engine);
		}
		if (this.closed.get()) {
			// The stop ran while this engine was starting and could not see it.
			close(engine);
			throw new LauncherException("stopped while starting");
		}
	}

	/** Keeps a process about to start for the stop; fails if the stop already began. */
	void processStarting(DeployableProcess process) {
		synchronized (this.processes) {
			if (this.closed.get()) {
				throw new LauncherException("stopped while starting");
			}
			this.processes.add(process);
		}
	}

	/**
	 * Keeps a disposable helper process (a training run recording an ahead-of-time cache)
	 * to be killed first at the stop; kills it at once if the stop already began.
	 */
	void helperStarted(Process helper) {
		synchronized (this.helpers) {
			if (!this.closed.get()) {
				this.helpers.add(helper);
				return;
			}
		}
		helper.destroyForcibly();
		throw new LauncherException("stopped while starting");
	}

	/** The running process of a deployable instance ({@code name} or {@code name#n}). */
	Optional<ProcessHandle> process(String instance) {
		synchronized (this.processes) {
			return this.processes.stream()
				.filter((process) -> process.instance().equals(instance))
				.findFirst()
				.flatMap(DeployableProcess::handle);
		}
	}

	/**
	 * Whether this call is the one that stops everything; a later call waits until the
	 * first has finished and answers {@code false}.
	 */
	boolean begin() {
		if (this.closed.compareAndSet(false, true)) {
			return true;
		}
		try {
			this.closedLatch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	/** Stops the deployables, then the engines. */
	void stopEverything() {
		synchronized (this.helpers) {
			// Its work is only worth something when it finishes: it is not waited for.
			this.helpers.forEach(Process::destroyForcibly);
		}
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
			close(engine);
		}
	}

	/** Marks the stop finished. */
	void finished() {
		this.closedLatch.countDown();
	}

	/** Blocks until the stop has finished. */
	void awaitFinished() throws InterruptedException {
		this.closedLatch.await();
	}

	private static void close(AutoCloseable engine) {
		try {
			engine.close();
		}
		catch (Exception ex) {
			log.warn("could not stop {}: {}", engine.getClass().getSimpleName(), ex.getMessage());
		}
	}

}
