package io.authorworks.bench.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long JVMs have spent compiling so far, read from their performance counters with
 * the JDK's {@code jcmd <pid> PerfCounter.print} ({@code java.ci.totalTime} in ticks of
 * {@code sun.os.hrt.frequency}). On two shared cores a Spring service's C2 compiler keeps
 * working for minutes under load and takes half the CPU meanwhile, so a measurement taken
 * before it settles measures the compiler, not the service.
 */
final class JitActivity {

	private static final Pattern COUNTER = Pattern
		.compile("^(java\\.ci\\.totalTime|sun\\.os\\.hrt\\.frequency)=(\\d+)$", Pattern.MULTILINE);

	private JitActivity() {
	}

	/** Compile time so far of each process that answered; others are left out. */
	static Map<String, Duration> compileTimes(Map<String, Long> processes) {
		Map<String, Duration> times = new LinkedHashMap<>();
		processes
			.forEach((name, pid) -> compileTime(pid).ifPresent((nanos) -> times.put(name, Duration.ofNanos(nanos))));
		return times;
	}

	/** The compile time spent between two readings, per process read both times. */
	static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
		Map<String, Duration> spent = new LinkedHashMap<>();
		after.forEach((name, time) -> {
			Duration earlier = before.get(name);
			if (earlier != null) {
				spent.put(name, time.minus(earlier));
			}
		});
		return spent;
	}

	private static OptionalLong compileTime(long pid) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "PerfCounter.print")
				.redirectErrorStream(true)
				.start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return OptionalLong.empty();
			}
			return parse(out);
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalLong.empty();
		}
	}

	/** Compile time in nanoseconds from {@code PerfCounter.print}'s output. */
	static OptionalLong parse(String counters) {
		long ticks = -1;
		long frequency = -1;
		Matcher matcher = COUNTER.matcher(counters);
		while (matcher.find()) {
			long value = Long.parseLong(matcher.group(2));
			if (matcher.group(1).equals("java.ci.totalTime")) {
				ticks = value;
			}
			else {
				frequency = value;
			}
		}
		if (ticks < 0 || frequency <= 0) {
			return OptionalLong.empty();
		}
		return OptionalLong.of((long) (ticks * (1e9 / frequency)));
	}

}
