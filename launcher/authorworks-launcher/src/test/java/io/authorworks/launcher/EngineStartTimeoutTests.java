package io.authorworks.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An engine that never becomes ready fails the start within the readiness timeout, and
 * says which engine and where its log is, instead of hanging the launcher.
 */
class EngineStartTimeoutTests {

	@TempDir
	Path root;

	@Test
	void anEngineThatNeverStartsFailsTheStartAtTheDeadline() {
		Platform platform = Platform.builder()
			.workingDirectory(this.root)
			.dataDirectory(this.root.resolve("data"))
			.readinessTimeout(Duration.ofMillis(300))
			.build();
		CompletableFuture<String> never = new CompletableFuture<>();
		long start = System.nanoTime();

		assertThatThrownBy(() -> platform.await(never, "PostgreSQL", Instant.now().plusMillis(300)))
			.isInstanceOf(LauncherException.class)
			.hasMessageContaining("PostgreSQL did not start within")
			.hasMessageContaining("AUTHORWORKS_READY_TIMEOUT")
			.hasMessageContaining(this.root.toString());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(never).isCancelled();
	}

	@Test
	void anEngineThatFailsFailsTheStartWithItsOwnMessage() {
		Platform platform = Platform.builder().workingDirectory(this.root).dataDirectory(this.root).build();

		assertThatThrownBy(() -> platform.await(CompletableFuture.failedFuture(new LauncherException("port taken")),
				"Redis", Instant.now().plusSeconds(5)))
			.isInstanceOf(LauncherException.class)
			.hasMessage("port taken");
	}

}
