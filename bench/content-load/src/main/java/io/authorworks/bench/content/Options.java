package io.authorworks.bench.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line options of the content load benchmark; {@code --help} lists them with
 * their defaults.
 *
 * @param root the repository root (deployable jars are relative to it)
 * @param writers how many writers sign up, each with one book
 * @param chaptersPerBook chapters in each book
 * @param minWords fewest words in a chapter
 * @param maxWords most words in a chapter
 * @param connections concurrent connections (one request in flight on each)
 * @param initialWarmup unrecorded closed-loop load through the gateway before the first
 * phase, so the deployables' JIT compilers have done their work
 * @param maxWarmup the longest the warm-up goes on waiting for the compilers to settle
 * @param warmup load before measuring (not recorded)
 * @param duration measured load per phase
 * @param readPercent share of requests that are chapter reads; the rest are autosaves
 * @param editChars size of the edit each autosave carries
 * @param phases load phases to run, in order
 * @param rate requests/s of the fixed-rate phases; 0 derives it from the target
 * @param targetRatio the target's share of pgbench's TPS that reads must reach
 * @param targetP99 the target's p99 for reads
 * @param replicas replicas per deployable
 * @param jvmOptions JVM options of every deployable
 * @param extraEnv extra environment per deployable, as registry lines
 * {@code <deployable>.env.<VAR>=<value>}
 * @param apiRateLimit the gateway's per-user API budget for the run
 * @param pgbench whether to run pgbench
 * @param pgbenchClients pgbench {@code -c}
 * @param pgbenchThreads pgbench {@code -j}
 * @param pgbenchSeconds pgbench {@code -T}
 * @param pgbenchScale pgbench {@code -i -s}
 * @param databaseHost PostgreSQL host
 * @param databasePort PostgreSQL port
 * @param databaseAdminDb a database the administering role can connect to
 * @param databaseUser a role that may create roles and databases
 * @param databasePassword its password
 * @param redisUrl Redis
 * @param amqpUrl RabbitMQ
 * @param keepDatabase whether to keep the platform's database after the run
 * @param output where the report is written
 * @param seed seed of the generated prose and the request mix
 */
record Options(Path root, int writers, int chaptersPerBook, int minWords, int maxWords, int connections,
		Duration initialWarmup, Duration maxWarmup, Duration warmup, Duration duration, int readPercent, int editChars,
		List<Phase> phases, double rate, double targetRatio, Duration targetP99, Map<String, Integer> replicas,
		List<String> jvmOptions, List<String> extraEnv, int apiRateLimit, boolean pgbench, int pgbenchClients,
		int pgbenchThreads, int pgbenchSeconds, int pgbenchScale, String databaseHost, int databasePort,
		String databaseAdminDb, String databaseUser, String databasePassword, String redisUrl, String amqpUrl,
		boolean keepDatabase, Path output, long seed) {

	/**
	 * The JVM options deployables get by default: the launcher's, but with the C2
	 * compiler on. The launcher stops at C1 because that starts a service fastest on a
	 * developer's machine; production images run the full tiered compiler, and peak
	 * throughput is what this benchmark measures.
	 */
	static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx512m",
			"-XX:+ExitOnOutOfMemoryError");

	/**
	 * A load phase: closed or fixed-rate, through the gateway or straight to the service.
	 */
	enum Phase {

		/** Closed loop through the gateway: the most it can do with 64 connections. */
		CLOSED(false, Target.GATEWAY),
		/**
		 * Closed loop through the gateway, every connection one writer: one token, one
		 * address, that writer's chapters, reads only. One person's burst hits one
		 * rate-limit key.
		 */
		ONE_IDENTITY(false, Target.GATEWAY),
		/** Fixed rate through the gateway, latency measured from the intended start. */
		FIXED(true, Target.GATEWAY),
		/** Closed loop straight to the content-service, to see the gateway's share. */
		DIRECT_CLOSED(false, Target.SERVICE),
		/** Fixed rate straight to the content-service. */
		DIRECT_FIXED(true, Target.SERVICE),
		/**
		 * Fixed-rate steps through the gateway that search for the highest rate whose
		 * reads keep the p99 target.
		 */
		SLO(true, Target.GATEWAY),
		/**
		 * Closed loop through the empty gateway to the empty service: what the request's
		 * shape alone allows on this machine.
		 */
		FLOOR_CLOSED(false, Target.FLOOR_GATEWAY),
		/** Closed loop straight to the empty service. */
		FLOOR_DIRECT_CLOSED(false, Target.FLOOR_SERVICE);

		final boolean fixedRate;

		final Target to;

		Phase(boolean fixedRate, Target to) {
			this.fixedRate = fixedRate;
			this.to = to;
		}

		String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Phase of(String label) {
			return valueOf(label.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}

	}

	/**
	 * Where a phase sends its requests.
	 */
	enum Target {

		/** The platform's api-gateway, which proxies to the content-service. */
		GATEWAY("gateway"),
		/** The platform's content-service. */
		SERVICE("content-service"),
		/** The empty gateway in front of the empty service ({@code bench/hop-floor}). */
		FLOOR_GATEWAY("empty gateway"),
		/** The empty service ({@code bench/hop-floor}). */
		FLOOR_SERVICE("empty service");

		final String label;

		Target(String label) {
			this.label = label;
		}

		boolean floor() {
			return this == FLOOR_GATEWAY || this == FLOOR_SERVICE;
		}

	}

	static final String USAGE = """
			Content load benchmark (issue #3, acceptance 8). Starts the packaged platform (user-service,
			content-service, api-gateway) against the loopback PostgreSQL (a fresh database), Redis and
			RabbitMQ, signs writers up, runs pgbench -S on the same PostgreSQL, then drives chapter reads
			and autosaves through the gateway.

			Options (--name=value or --name value):
			  --writers=16              writers, each with one book
			  --chapters=6              chapters per book
			  --words=2000-5000         words per chapter
			  --connections=64          concurrent connections
			  --initial-warmup=60       seconds of unrecorded load before the first phase (JIT warm-up)
			  --max-warmup=600          then more, in 20 s rounds, until no JVM compiles over 1 s in 20 s
			  --warmup=10               seconds of unrecorded load before each phase
			  --duration=30             measured seconds per phase
			  --read-percent=80         reads; the rest are autosaves (PUT .../content with If-Match)
			  --edit-chars=300          size of the edit in each autosave
			  --phases=closed,one-identity,fixed,slo,floor-closed,floor-direct-closed
			                            of closed, one-identity, fixed, slo, direct-closed, direct-fixed,
			                            floor-closed, floor-direct-closed (one-identity: closed loop, every
			                            connection reads one writer's chapters with one token from one address;
			                            slo: fixed-rate steps that find the highest rate within the p99 target;
			                            floor: the same load against an empty service behind an empty gateway,
			                            bench/hop-floor)
			  --rate=0                  requests/s of fixed phases; 0 = the target read rate / read share
			  --target-ratio=0.2        reads must reach this share of pgbench's TPS
			  --target-p99-ms=50        with at most this p99
			  --replicas=api-gateway:1,content-service:1,user-service:1
			  --jvm-options="..."       JVM options of every deployable (default: %s)
			  --env=deployable.VAR=value  extra environment for a deployable (repeatable)
			  --api-rate-limit=1000000  RATE_LIMIT_API_PER_MINUTE of the gateway for the run
			  --pgbench=true            run pgbench -S (needs pgbench on the PATH)
			  --pgbench-clients=64 --pgbench-threads=2 --pgbench-seconds=30 --pgbench-scale=10
			  --db-host=127.0.0.1 --db-port=5432 --db-admin-db=authorworks
			  --db-user=authorworks --db-password=authorworks
			  --redis-url=redis://127.0.0.1:6379 --amqp-url=amqp://guest:guest@127.0.0.1:5672
			  --keep-database=false     keep the platform's database afterwards
			  --output=bench/results    where content-load-<date>.md is written
			  --seed=20260401           seed of the prose and the request mix
			""".formatted(String.join(" ", DEFAULT_JVM_OPTIONS));

	static Options parse(String[] args) {
		Map<String, List<String>> given = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h")) {
				System.out.println(USAGE);
				System.exit(0);
			}
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "' (try --help)");
			}
			String name;
			String value;
			int equals = arg.indexOf('=');
			if (equals > 0) {
				name = arg.substring(2, equals);
				value = arg.substring(equals + 1);
			}
			else {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(arg + " needs a value");
				}
				name = arg.substring(2);
				value = args[++i];
			}
			given.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
		Values v = new Values(given);
		Path root = v.path("root", findRoot());
		String[] words = v.text("words", "2000-5000").split("-");
		Map<String, Integer> replicas = new LinkedHashMap<>();
		replicas.put("user-service", 1);
		replicas.put("content-service", 1);
		replicas.put("api-gateway", 1);
		for (String pair : v.text("replicas", "").split(",")) {
			if (!pair.isBlank()) {
				String[] parts = pair.strip().split(":");
				replicas.put(parts[0], Integer.parseInt(parts[1]));
			}
		}
		String jvm = v.text("jvm-options", String.join(" ", DEFAULT_JVM_OPTIONS));
		List<Phase> phases = Arrays
			.stream(v.text("phases", "closed,one-identity,fixed,slo,floor-closed,floor-direct-closed").split(","))
			.filter((p) -> !p.isBlank())
			.map(Phase::of)
			.toList();
		Options options = new Options(root, v.integer("writers", 16), v.integer("chapters", 6),
				Integer.parseInt(words[0].strip()), Integer.parseInt(words[(words.length > 1) ? 1 : 0].strip()),
				v.integer("connections", 64), Duration.ofSeconds(v.integer("initial-warmup", 60)),
				Duration.ofSeconds(v.integer("max-warmup", 600)), Duration.ofSeconds(v.integer("warmup", 10)),
				Duration.ofSeconds(v.integer("duration", 30)), v.integer("read-percent", 80),
				v.integer("edit-chars", 300), phases, Double.parseDouble(v.text("rate", "0")),
				Double.parseDouble(v.text("target-ratio", "0.2")), Duration.ofMillis(v.integer("target-p99-ms", 50)),
				replicas, jvm.isBlank() ? List.of() : List.of(jvm.strip().split("\\s+")), v.all("env"),
				v.integer("api-rate-limit", 1_000_000), Boolean.parseBoolean(v.text("pgbench", "true")),
				v.integer("pgbench-clients", 64), v.integer("pgbench-threads", 2), v.integer("pgbench-seconds", 30),
				v.integer("pgbench-scale", 10), v.text("db-host", "127.0.0.1"), v.integer("db-port", 5432),
				v.text("db-admin-db", "authorworks"), v.text("db-user", "authorworks"),
				v.text("db-password", "authorworks"), v.text("redis-url", "redis://127.0.0.1:6379"),
				v.text("amqp-url", "amqp://guest:guest@127.0.0.1:5672"),
				Boolean.parseBoolean(v.text("keep-database", "false")), v.path("output", root.resolve("bench/results")),
				Long.parseLong(v.text("seed", "20260401")));
		v.rejectUnknown();
		options.check();
		return options;
	}

	private void check() {
		require(this.writers >= 1 && this.writers <= 700, "--writers must be 1..700 (RFC 5737 has 762 addresses)");
		require(this.chaptersPerBook >= 1 && this.chaptersPerBook <= 100, "--chapters must be 1..100");
		require(this.minWords >= 1 && this.minWords <= this.maxWords && this.maxWords <= 50_000,
				"--words must be low-high within 1..50000");
		require(this.connections >= 1 && this.connections <= 1024, "--connections must be 1..1024");
		require(!this.duration.isNegative() && !this.duration.isZero() && this.duration.toSeconds() <= 3600,
				"--duration must be 1..3600 s");
		require(!this.warmup.isNegative() && this.warmup.toSeconds() <= 600, "--warmup must be 0..600 s");
		require(!this.initialWarmup.isNegative() && this.initialWarmup.toSeconds() <= 600,
				"--initial-warmup must be 0..600 s");
		require(this.maxWarmup.compareTo(this.initialWarmup) >= 0 && this.maxWarmup.toSeconds() <= 1800,
				"--max-warmup must be --initial-warmup..1800 s");
		require(this.readPercent >= 0 && this.readPercent <= 100, "--read-percent must be 0..100");
		require(this.pgbenchSeconds >= 1 && this.pgbenchSeconds <= 3600, "--pgbench-seconds must be 1..3600");
		require(!this.phases.isEmpty(), "--phases must name at least one phase");
		this.extraEnv.forEach((line) -> require(line.matches("[a-z][a-z0-9-]*\\.[A-Z_][A-Z0-9_]*=.*"),
				"--env must be deployable.VAR=value, not " + line));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/** The repository root: the nearest folder up from here with mvnw and launcher/. */
	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		for (Path p = dir; p != null; p = p.getParent()) {
			if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("launcher"))) {
				return p;
			}
		}
		return dir;
	}

	/** Registry lines that raise the API rate limit and add the extra environment. */
	List<String> registryLines() {
		List<String> lines = new ArrayList<>();
		lines.add("api-gateway.env.RATE_LIMIT_API_PER_MINUTE=" + this.apiRateLimit);
		this.extraEnv.forEach((line) -> {
			int dot = line.indexOf('.');
			lines.add(line.substring(0, dot) + ".env." + line.substring(dot + 1));
		});
		return lines;
	}

	private static final class Values {

		private final Map<String, List<String>> given;

		private final java.util.Set<String> used = new java.util.HashSet<>();

		Values(Map<String, List<String>> given) {
			this.given = given;
		}

		String text(String name, String fallback) {
			this.used.add(name);
			List<String> values = this.given.get(name);
			return (values == null) ? fallback : values.getLast();
		}

		List<String> all(String name) {
			this.used.add(name);
			return this.given.getOrDefault(name, List.of());
		}

		int integer(String name, int fallback) {
			return Integer.parseInt(text(name, String.valueOf(fallback)).strip());
		}

		Path path(String name, Path fallback) {
			String value = text(name, "");
			return value.isBlank() ? fallback : Path.of(value).toAbsolutePath();
		}

		void rejectUnknown() {
			for (String name : this.given.keySet()) {
				if (!this.used.contains(name)) {
					throw new IllegalArgumentException("unknown option --" + name + " (try --help)");
				}
			}
		}

	}

}
