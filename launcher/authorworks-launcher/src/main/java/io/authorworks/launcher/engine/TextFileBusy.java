package io.authorworks.launcher.engine;

import java.io.IOException;
import java.time.Duration;

/**
 * Starting a program that was written a moment ago. Linux refuses to run a file that any
 * process still holds open for writing ({@code ETXTBSY}, "Text file busy"). An engine
 * that extracts its binary and runs it at once hits that when another thread of this JVM
 * starts a process in between: the new child holds a copy of the still-open file until it
 * has started its own program. That lasts milliseconds, so the start is simply tried
 * again, as Go's {@code os/exec} does for the same reason.
 */
final class TextFileBusy {

	private static final int ATTEMPTS = 8;

	private static final Duration FIRST_PAUSE = Duration.ofMillis(20);

	private TextFileBusy() {
	}

	/**
	 * Runs {@code start}, again after a short pause while it fails because the program is
	 * still open for writing somewhere.
	 * @param start what starts the program
	 * @param <T> what it returns
	 * @return what it returned
	 * @throws IOException its last failure, or any other failure at once
	 */
	static <T> T retry(Start<T> start) throws IOException {
		Duration pause = FIRST_PAUSE;
		for (int attempt = 1;; attempt++) {
			try {
				return start.run();
			}
			catch (IOException ex) {
				if (attempt == ATTEMPTS || !isTextFileBusy(ex)) {
					throw ex;
				}
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while waiting to start a program", ex);
			}
			pause = pause.multipliedBy(2);
		}
	}

	static boolean isTextFileBusy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && (message.contains("Text file busy") || message.contains("error=26,")
					|| message.contains("error: 26 "))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Starts a program.
	 *
	 * @param <T> what starting it returns
	 */
	@FunctionalInterface
	interface Start<T> {

		T run() throws IOException;

	}

}
