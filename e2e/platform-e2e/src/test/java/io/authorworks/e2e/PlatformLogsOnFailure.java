package io.authorworks.e2e;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When an end-to-end test fails, prints what the platform's processes logged at WARN and
 * above while it ran, so that a failure on a CI machine (whose temporary log directory is
 * gone afterwards) can be explained from the build output alone. Registered for every
 * test through the service loader.
 */
public final class PlatformLogsOnFailure implements BeforeEachCallback, TestWatcher {

	private static final Pattern NOTABLE = Pattern
		.compile("\"level\":\"(WARN|ERROR)\"|^\\S+ (WARN|ERROR) |^\\s+at |^Caused by");

	private static final int MAX_LINES = 400;

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(PlatformLogsOnFailure.class);

	@Override
	public void beforeEach(ExtensionContext context) {
		RunningPlatform.started().ifPresent((platform) -> context.getStore(NAMESPACE).put("offsets", sizes(platform)));
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		RunningPlatform.started().ifPresent((platform) -> {
			@SuppressWarnings("unchecked")
			Map<Path, Long> offsets = context.getStore(NAMESPACE).get("offsets", Map.class);
			StringBuilder out = new StringBuilder();
			int[] printed = { 0 };
			for (Path log : logs(platform)) {
				long from = (offsets != null) ? offsets.getOrDefault(log, 0L) : 0L;
				for (String line : linesFrom(log, from)) {
					if (printed[0] < MAX_LINES && NOTABLE.matcher(line).find()) {
						out.append(log.getFileName()).append(": ").append(line).append('\n');
						printed[0]++;
					}
				}
			}
			System.out.println("--- platform log lines at WARN and above while " + context.getDisplayName() + " ran ("
					+ printed[0] + ") ---\n" + out + "--- end of platform log lines ---");
		});
	}

	private static Map<Path, Long> sizes(RunningPlatform platform) {
		Map<Path, Long> sizes = new HashMap<>();
		for (Path log : logs(platform)) {
			try {
				sizes.put(log, Files.size(log));
			}
			catch (IOException ex) {
				// Not written yet: read it from the start.
			}
		}
		return sizes;
	}

	private static List<Path> logs(RunningPlatform platform) {
		try (var files = Files.list(platform.endpoints.logDirectory())) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".log")).sorted().toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static List<String> linesFrom(Path log, long offset) {
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			long start = (offset <= length) ? offset : 0;
			byte[] bytes = new byte[(int) Math.min(length - start, 16L * 1024 * 1024)];
			file.seek(start);
			file.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			return List.of("(could not read " + log + ": " + ex + ")");
		}
	}

}
