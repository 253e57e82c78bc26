package io.authorworks.launcher.engine;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * A program still open for writing cannot be run (Linux: {@code ETXTBSY}); the start is
 * tried again until it can, and any other failure is not retried.
 */
@EnabledOnOs(OS.LINUX)
class TextFileBusyTests {

	@TempDir
	Path directory;

	@Test
	void aProgramStillOpenForWritingStartsOnceItIsClosed() throws Exception {
		Path program = this.directory.resolve("program");
		FileOutputStream writer = new FileOutputStream(program.toFile());
		writer.write("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.UTF_8));
		writer.flush();
		assertThat(program.toFile().setExecutable(true)).isTrue();

		assertThatIOException().isThrownBy(() -> new ProcessBuilder(program.toString()).start())
			.satisfies((ex) -> assertThat(TextFileBusy.isTextFileBusy(ex)).isTrue());

		Thread closer = Thread.ofVirtual().start(() -> {
			try {
				Thread.sleep(150);
				writer.close();
			}
			catch (InterruptedException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Process process = TextFileBusy.retry(() -> new ProcessBuilder(program.toString()).start());
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		closer.join();
	}

	@Test
	void otherFailuresAreNotRetried() {
		int[] attempts = { 0 };
		assertThatIOException().isThrownBy(() -> TextFileBusy.retry(() -> {
			attempts[0]++;
			return new ProcessBuilder(this.directory.resolve("missing").toString()).start();
		})).satisfies((ex) -> assertThat(TextFileBusy.isTextFileBusy(ex)).isFalse());
		assertThat(attempts[0]).isEqualTo(1);
	}

}
