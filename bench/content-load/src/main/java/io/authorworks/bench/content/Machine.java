package io.authorworks.bench.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Facts about the machine a figure was measured on. */
final class Machine {

	private Machine() {
	}

	/** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
			return fields[0] + ", " + fields[1] + ", " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
			return String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage());
		}
	}

	/**
	 * CPU time (user + system) each process has used so far, in milliseconds, from
	 * {@code /proc/<pid>/stat}; processes that are gone or unreadable are left out.
	 */
	static java.util.Map<String, Long> cpuMillis(java.util.Map<String, Long> pids) {
		java.util.Map<String, Long> cpu = new java.util.TreeMap<>();
		pids.forEach((name, pid) -> {
			try {
				String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
				// Fields after the command (in parentheses, which may hold spaces).
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				cpu.put(name, ticks * 1000 / CLOCK_TICKS);
			}
			catch (IOException | RuntimeException ex) {
				// Not on Linux, or the process is gone: no figure.
			}
		});
		return cpu;
	}

	/** USER_HZ: 100 on every Linux the JDK supports. */
	private static final long CLOCK_TICKS = 100;

	static int cores() {
		return Runtime.getRuntime().availableProcessors();
	}

	static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.map((line) -> {
					long kb = Long.parseLong(line.replaceAll("\\D", ""));
					return (kb / 1024 / 1024) + " GiB";
				})
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	static String java() {
		return System.getProperty("java.vm.name") + " " + Runtime.version() + " ("
				+ System.getProperty("java.vendor", "?") + ")";
	}

	static String os() {
		return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch");
	}

}
