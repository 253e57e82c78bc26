package io.authorworks.launcher;

import org.jspecify.annotations.Nullable;

/**
 * A failure the person running the launcher can act on; its message is printed as is,
 * without a stack trace.
 */
public class LauncherException extends RuntimeException {

	public LauncherException(String message) {
		super(message);
	}

	public LauncherException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
