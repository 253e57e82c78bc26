package io.authorworks.launcher.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.authorworks.launcher.LauncherException;
import io.authorworks.launcher.engine.Ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployableProcessTests {

	@TempDir
	Path dir;

	private final List<String> console = new ArrayList<>();

	@Test
	void aDeployableThatDiesWhileStartingFailsWithTheEndOfItsLog() {
		DeployableProcess process = process(List.of(java(), "-XX:+UseSerialGC", "-version"));
		process.start();
		assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(30))).isInstanceOf(LauncherException.class)
			.hasMessageContaining("demo exited while starting (exit code 0)")
			.hasMessageContaining("Last lines of " + this.dir.resolve("demo.log"))
			.hasMessageContaining("version");
		assertThat(this.console).as("no restart was asked for").isEmpty();
	}

	@Test
	void aDeployableThatNeverAnswersTimesOutAndIsStoppedGracefully() throws Exception {
		DeployableProcess process = process(List.of(java(), "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), Sleeper.class.getName()));
		process.start();
		assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(2)))
			.hasMessageContaining("demo was not ready on port " + process.port() + " within 2 s")
			.hasMessageContaining("sleeping");
		process.requestStop();
		process.awaitStopped(Duration.ofSeconds(20));
		assertThat(Files.readString(this.dir.resolve("demo.log"))).contains("starting demo on port " + process.port());
		assertThat(this.console).isEmpty();
	}

	private DeployableProcess process(List<String> command) {
		return new DeployableProcess("demo", command, Map.of("PATH", String.valueOf(System.getenv("PATH"))), this.dir,
				this.dir.resolve("demo.log"), Ports.findFree(), false, this.console::add);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Starts and never serves anything. */
	public static final class Sleeper {

		private Sleeper() {
		}

		public static void main(String[] args) throws InterruptedException {
			System.out.println("sleeping");
			Thread.sleep(Duration.ofMinutes(5));
		}

	}

}
