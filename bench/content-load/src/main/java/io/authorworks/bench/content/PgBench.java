package io.authorworks.bench.content;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pgbench -S} (select-only) on the benchmark's PostgreSQL, in a scratch database
 * of its own that is created, initialised ({@code pgbench -i -s}) and dropped again.
 */
final class PgBench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

	private final Options options;

	PgBench(Options options) {
		this.options = options;
	}

	/**
	 * What pgbench measured.
	 *
	 * @param command the measuring command line (without password)
	 * @param tps transactions per second, without connection time
	 * @param latencyMillis average latency
	 * @param output pgbench's summary
	 * @param loadBefore load average before
	 * @param loadAfter load average after
	 */
	record Result(String command, double tps, double latencyMillis, String output, String loadBefore,
			String loadAfter) {
	}

	/** The pgbench on the PATH, if any. */
	static Optional<Path> find() {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String dir : path.split(File.pathSeparator)) {
				Path candidate = Path.of(dir, "pgbench");
				if (!dir.isEmpty() && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	Result run(Path pgbench) throws Exception {
		String database = "aw_bench_pgbench_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
		admin("CREATE DATABASE " + database);
		try {
			List<String> init = connection(pgbench);
			init.addAll(List.of("-i", "-q", "-s", String.valueOf(this.options.pgbenchScale()), database));
			exec(init, 600);
			List<String> select = connection(pgbench);
			select.addAll(List.of("-S", "-c", String.valueOf(this.options.pgbenchClients()), "-j",
					String.valueOf(this.options.pgbenchThreads()), "-T", String.valueOf(this.options.pgbenchSeconds()),
					database));
			String loadBefore = Machine.loadAverage();
			String output = exec(select, this.options.pgbenchSeconds() + 120);
			String loadAfter = Machine.loadAverage();
			Matcher tps = TPS.matcher(output);
			if (!tps.find()) {
				throw new IllegalStateException("pgbench printed no TPS:\n" + output);
			}
			Matcher latency = LATENCY.matcher(output);
			String summary = output.lines()
				.filter((line) -> !line.startsWith("pgbench (") && !line.isBlank())
				.reduce((a, b) -> a + "\n" + b)
				.orElse("");
			// The program by name: where it was found on this machine says nothing about
			// the run.
			List<String> shown = new ArrayList<>(select.subList(0, select.size() - 1));
			shown.set(0, Path.of(shown.getFirst()).getFileName().toString());
			return new Result(String.join(" ", shown) + " <scratch database>", Double.parseDouble(tps.group(1)),
					latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN, summary, loadBefore, loadAfter);
		}
		finally {
			admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	private List<String> connection(Path pgbench) {
		return new ArrayList<>(List.of(pgbench.toString(), "-h", this.options.databaseHost(), "-p",
				String.valueOf(this.options.databasePort()), "-U", this.options.databaseUser()));
	}

	private String exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", this.options.databasePassword());
		Path log = Files.createTempFile("pgbench-", ".log");
		try {
			builder.redirectOutput(log.toFile());
			Process process = builder.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("pgbench did not finish in " + timeoutSeconds + " s");
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("pgbench exited " + process.exitValue() + ":\n" + output);
			}
			return output;
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager
			.getConnection(
					"jdbc:postgresql://" + this.options.databaseHost() + ":" + this.options.databasePort() + "/"
							+ this.options.databaseAdminDb(),
					this.options.databaseUser(), this.options.databasePassword());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
