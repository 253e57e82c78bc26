package io.authorworks.bench.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.authorworks.launcher.Platform;
import io.authorworks.launcher.PlatformEndpoints;
import io.authorworks.launcher.deploy.DeployableRegistry;
import io.authorworks.launcher.engine.DatabaseEndpoint;

/**
 * The content load benchmark of issue #3 (acceptance 8): {@code pgbench -S} on the
 * loopback PostgreSQL, then signed-in chapter reads and autosave-sized writes through the
 * gateway of the packaged platform running against the same server. See
 * {@code bench/README.md}.
 */
public final class ContentLoad {

	private static final List<String> DEPLOYABLES = List.of("user-service", "content-service", "api-gateway");

	private ContentLoad() {
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Report report = new Report(options, LocalDateTime.now());
		say("machine: " + Machine.cores() + " cores, load average " + Machine.loadAverage() + ", " + Machine.java());
		report.databaseVersion(databaseVersion(options));

		// 1. pgbench first, on a quiet server: the platform is not running yet.
		if (options.pgbench()) {
			var pgbench = PgBench.find();
			if (pgbench.isEmpty()) {
				say("pgbench is MISSING from the PATH: no pgbench figure, no ratio (Debian: apt-get install "
						+ "postgresql-client)");
				report.pgbenchMissing("pgbench was not found on the PATH");
			}
			else {
				say("pgbench -S: " + options.pgbenchClients() + " clients, " + options.pgbenchSeconds() + " s ...");
				PgBench.Result result = new PgBench(options).run(pgbench.get());
				say(String.format(Locale.ROOT, "pgbench -S: %.0f TPS, %.3f ms average (load %s)", result.tps(),
						result.latencyMillis(), result.loadAfter()));
				report.pgbench(result);
			}
		}

		// 2. The platform against the same server, in a fresh database.
		String database = "aw_bench_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
		DatabaseEndpoint admin = new DatabaseEndpoint(options.databaseHost(), options.databasePort(),
				options.databaseAdminDb(), options.databaseUser(), options.databasePassword());
		Path data = options.root().resolve("bench/content-load/target/platform");
		Files.createDirectories(data);
		Platform.Builder builder = Platform.builder()
			.registry(registry(options))
			.workingDirectory(options.root())
			.dataDirectory(data)
			.freePorts()
			.externalDatabase(admin.withDatabase(database))
			.externalRedis(options.redisUrl())
			.externalAmqp(options.amqpUrl())
			.deployables(DEPLOYABLES.toArray(String[]::new))
			.jvmOptions(options.jvmOptions())
			.restartCrashed(false)
			.readinessTimeout(Duration.ofSeconds(300));
		options.replicas().forEach(builder::replicas);
		Instant begin = Instant.now();
		say("starting " + DEPLOYABLES + " " + options.replicas() + " against database " + database + " ...");
		try (Platform platform = builder.build()) {
			PlatformEndpoints endpoints = platform.start();
			if (!endpoints.skipped().isEmpty()) {
				throw new IllegalStateException(
						"not built: " + endpoints.skipped() + " (run ./mvnw -B -q install -DskipTests first)");
			}
			say("platform ready in " + Duration.between(begin, Instant.now()).toSeconds() + " s at "
					+ endpoints.publicUrl());
			String publicUrl = endpoints.publicUrl().toString().replaceAll("/$", "");
			String contentService = endpoints.service("content-service").toString().replaceAll("/$", "");

			// 3. Writers, books and chapters, all through the gateway.
			Writers writers = new Writers(publicUrl, secret(data, "GATEWAY_CLIENT_SECRET"),
					platform.mailServer().orElseThrow(), options);
			say("signing up " + options.writers() + " writers, " + options.chaptersPerBook() + " chapters each ...");
			List<Writers.ChapterRef> chapters = writers.prepare();
			report.dataSet(chapters);
			say("data set: " + chapters.size() + " chapters, " + report.averageChapterWords() + " words on average");

			// 4. Load phases, one after another, after one long unrecorded warm-up that
			// lasts until the deployables' JIT compilers have settled.
			report.warmup(warmUp(processes(platform, options), options, publicUrl + "/api", chapters));
			Floor floor = null;
			List<Writers.ChapterRef> floorChapters = List.of();
			try {
				for (Options.Phase phase : options.phases()) {
					if (phase == Options.Phase.SLO) {
						refreshTokens(chapters);
						report.slo(searchWithinTarget(platform, options, report, publicUrl + "/api", chapters));
						continue;
					}
					double rate = 0;
					if (phase.fixedRate) {
						rate = fixedRate(options, report);
						if (rate <= 0) {
							say(phase.label() + ": skipped (no --rate and no pgbench figure to derive it from)");
							report.skipped(phase, "no --rate given and no pgbench figure to derive one from");
							continue;
						}
					}
					refreshTokens(chapters);
					if (phase.to.floor() && floor == null) {
						// The empty service and gateway, started only now so they take
						// nothing from the platform's phases; seeded with its chapters
						// and warmed up like it.
						say("starting the empty service and gateway (bench/hop-floor) ...");
						floor = Floor.start(options, data.resolve("floor"));
						floorChapters = floor.seed(publicUrl + "/api", chapters);
						report.floorWarmup(warmUp(floor.processes(), options, floor.base(Options.Target.FLOOR_GATEWAY),
								floorChapters));
					}
					String base = switch (phase.to) {
						case GATEWAY -> publicUrl + "/api";
						case SERVICE -> contentService;
						case FLOOR_GATEWAY, FLOOR_SERVICE -> floor.base(phase.to);
					};
					say(String.format(Locale.ROOT, "%s: %d connections, %d s warm-up + %d s%s ...", phase.label(),
							options.connections(), options.warmup().toSeconds(), options.duration().toSeconds(),
							phase.fixedRate ? String.format(Locale.ROOT, " at %.0f requests/s", rate) : ""));
					List<Writers.ChapterRef> load = phase.to.floor() ? floorChapters : chapters;
					if (phase == Options.Phase.ONE_IDENTITY) {
						// One writer's chapters, token and address for every connection.
						Writers.Writer one = chapters.getFirst().writer();
						load = chapters.stream().filter((c) -> c.writer() == one).toList();
					}
					LoadPhase.Result result = new LoadPhase(phase, base, load, options, rate,
							phase.to.floor() ? floor.processes() : processes(platform, options))
						.run();
					report.phase(result);
					say(Report.oneLine(result));
				}
			}
			finally {
				if (floor != null) {
					floor.close();
				}
			}
		}
		finally {
			if (!options.keepDatabase()) {
				dropDatabase(options, database);
			}
		}

		// 5. The report.
		String text = report.markdown();
		System.out.println();
		System.out.println(text);
		Files.createDirectories(options.output());
		Path file = options.output()
			.resolve("content-load-" + DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").format(LocalDateTime.now())
					+ ".md");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		say("report written to " + file);
	}

	/**
	 * Closed-loop load to {@code base}, not recorded: {@code --initial-warmup}, then on
	 * in rounds until none of the processes compiled for more than {@link #SETTLED} of a
	 * round, or {@code --max-warmup} has passed.
	 */
	private static Report.Warmup warmUp(Map<String, Long> processes, Options options, String base,
			List<Writers.ChapterRef> chapters) throws InterruptedException {
		if (options.initialWarmup().isZero()) {
			return new Report.Warmup(Duration.ZERO, false, WARMUP_ROUND, Map.of());
		}
		Instant begin = Instant.now();
		say("warming up: at least " + options.initialWarmup().toSeconds()
				+ " s of closed-loop load, not recorded, then until the JIT compilers settle (at most "
				+ options.maxWarmup().toSeconds() + " s) ...");
		new LoadPhase(Options.Phase.CLOSED, base, chapters, options, 0, Map.of(), Duration.ZERO,
				options.initialWarmup())
			.run();
		while (true) {
			refreshTokens(chapters);
			Map<String, Duration> before = JitActivity.compileTimes(processes);
			new LoadPhase(Options.Phase.CLOSED, base, chapters, options, 0, Map.of(), Duration.ZERO, WARMUP_ROUND)
				.run();
			Map<String, Duration> lastRound = JitActivity.between(before, JitActivity.compileTimes(processes));
			boolean settled = !lastRound.isEmpty() && lastRound.values()
				.stream()
				.allMatch((spent) -> spent.toMillis() <= WARMUP_ROUND.toMillis() * SETTLED);
			Duration elapsed = Duration.between(begin, Instant.now());
			say(String.format(Locale.ROOT, "warming up: %d s, compile time in the last %d s: %s", elapsed.toSeconds(),
					WARMUP_ROUND.toSeconds(), Report.compileTimes(lastRound)));
			if (settled || elapsed.plus(WARMUP_ROUND).compareTo(options.maxWarmup()) > 0) {
				return new Report.Warmup(elapsed, settled, WARMUP_ROUND, lastRound);
			}
		}
	}

	/**
	 * The deployables' process ids (replica 2 and up as name#n), and the load
	 * generator's.
	 */
	private static Map<String, Long> processes(Platform platform, Options options) {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (String name : DEPLOYABLES) {
			for (int replica = 1; replica <= options.replicas().getOrDefault(name, 1); replica++) {
				String key = (replica == 1) ? name : name + "#" + replica;
				platform.process(name, replica).ifPresent((process) -> pids.put(key, process.pid()));
			}
		}
		pids.put("load generator", ProcessHandle.current().pid());
		return pids;
	}

	/** Signs writers in again whose tokens could expire during the next phase. */
	private static void refreshTokens(List<Writers.ChapterRef> chapters) {
		chapters.stream()
			.map(Writers.ChapterRef::writer)
			.distinct()
			.forEach((w) -> w.refreshIfOlderThan(Duration.ofMinutes(4)));
	}

	/**
	 * Fixed-rate steps through the gateway, bisecting for the highest request rate whose
	 * reads keep the p99 target with nothing unsent and no errors. It starts just below
	 * the closed loop's capacity (or at the target when no closed phase ran), halves on a
	 * miss until one step keeps the target, then narrows the gap to within 10 %.
	 */
	private static Report.Slo searchWithinTarget(Platform platform, Options options, Report report, String base,
			List<Writers.ChapterRef> chapters) throws InterruptedException {
		double rate = report.closedGatewayRequestRate() * 0.9;
		if (rate <= 0) {
			rate = fixedRate(options, report);
		}
		if (rate <= 0) {
			rate = 100;
		}
		double kept = 0;
		double missed = Double.NaN;
		List<LoadPhase.Result> steps = new ArrayList<>();
		for (int step = 1; step <= SLO_STEPS; step++) {
			refreshTokens(chapters);
			say(String.format(Locale.ROOT, "slo step %d: %d s warm-up + %d s at %.0f requests/s ...", step,
					options.warmup().toSeconds(), options.duration().toSeconds(), rate));
			LoadPhase.Result result = new LoadPhase(Options.Phase.SLO, base, chapters, options, rate,
					processes(platform, options))
				.run();
			report.phase(result);
			say(Report.oneLine(result));
			steps.add(result);
			if (report.keepsTarget(result)) {
				kept = Math.max(kept, rate);
				if (Double.isNaN(missed)) {
					break;
				}
			}
			else {
				missed = Double.isNaN(missed) ? rate : Math.min(missed, rate);
			}
			if (kept > 0 && (missed - kept) / missed <= 0.1) {
				break;
			}
			rate = (kept > 0) ? (kept + missed) / 2 : rate / 2;
		}
		return new Report.Slo(kept, missed, steps);
	}

	/**
	 * At most this many fixed-rate steps in the search for the rate within the target.
	 */
	private static final int SLO_STEPS = 6;

	/** One round of the warm-up after the initial part. */
	private static final Duration WARMUP_ROUND = Duration.ofSeconds(20);

	/** A process whose JIT compiled for at most this share of a round has settled. */
	private static final double SETTLED = 0.05;

	/**
	 * The target read rate divided by the read share: what the fixed-rate phases send.
	 */
	private static double fixedRate(Options options, Report report) {
		if (options.rate() > 0) {
			return options.rate();
		}
		double tps = report.pgbenchTps();
		if (tps <= 0 || options.readPercent() == 0) {
			return 0;
		}
		return tps * options.targetRatio() / (options.readPercent() / 100.0);
	}

	/**
	 * The launcher's own registry, plus this run's environment: the gateway's per-user
	 * API budget is raised, because the benchmark measures throughput, not the limiter
	 * (which still runs and still counts every request in Redis).
	 */
	static DeployableRegistry registry(Options options) throws IOException {
		String shipped;
		try (InputStream in = DeployableRegistry.class.getResourceAsStream(DeployableRegistry.RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(DeployableRegistry.RESOURCE + " is not on the class path");
			}
			shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		StringBuilder text = new StringBuilder(shipped).append("\n# content-load benchmark\n");
		options.registryLines().forEach((line) -> text.append(line).append('\n'));
		return DeployableRegistry.read(new StringReader(text.toString()));
	}

	static String secret(Path data, String key) throws IOException {
		return Files.readAllLines(data.resolve("secrets.env"))
			.stream()
			.filter((line) -> line.startsWith(key + "="))
			.map((line) -> line.substring(key.length() + 1))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(key + " is not in secrets.env"));
	}

	private static String databaseVersion(Options options) {
		try (Connection connection = admin(options);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT version(), current_setting('max_connections'), "
						+ "current_setting('shared_buffers')")) {
			rows.next();
			return rows.getString(1).replaceAll(" on .*", "") + " (max_connections " + rows.getString(2)
					+ ", shared_buffers " + rows.getString(3) + ")";
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach PostgreSQL at " + options.databaseHost() + ":"
					+ options.databasePort() + ": " + ex.getMessage(), ex);
		}
	}

	/** Drops the run's database and the roles the launcher made for it. */
	private static void dropDatabase(Options options, String database) {
		try (Connection connection = admin(options); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			List<String> roles = new ArrayList<>();
			try (ResultSet rows = statement
				.executeQuery("SELECT rolname FROM pg_roles WHERE rolname LIKE '" + database + "\\_%'")) {
				while (rows.next()) {
					roles.add(rows.getString(1));
				}
			}
			for (String role : roles) {
				statement.execute("DROP ROLE IF EXISTS \"" + role + "\"");
			}
		}
		catch (SQLException ex) {
			say("could not drop " + database + ": " + ex.getMessage());
		}
	}

	private static Connection admin(Options options) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + options.databaseHost() + ":" + options.databasePort()
				+ "/" + options.databaseAdminDb(), options.databaseUser(), options.databasePassword());
	}

	static void say(String line) {
		System.out.println("[content-load " + java.time.LocalTime.now().withNano(0) + "] " + line);
		System.out.flush();
	}

}
