package io.authorworks.bench.content;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.authorworks.testing.llm.FakeAnthropicServer;
import io.authorworks.testing.llm.Reply;
import io.authorworks.launcher.Platform;
import io.authorworks.launcher.PlatformEndpoints;
import io.authorworks.launcher.engine.DatabaseEndpoint;

/**
 * The generation queue benchmark of issue #3 (acceptance 7): many single-step generation
 * jobs queued through the gateway against a fake Anthropic API with a fixed latency, run
 * by the content-worker; then the database is asked whether every job ran exactly once.
 * Reports throughput and the queue's overhead per job (time from queued to started, and
 * started to finished minus the provider's own latency).
 *
 * <p>
 * Options: {@code --jobs N} (1000), {@code --latency-ms N} (100),
 * {@code --worker-replicas N} (1), and every option of {@link ContentLoad} that sets up
 * the platform ({@code --writers}, {@code --env deployable.VAR=value}, …).
 */
public final class GenerationLoad {

	private GenerationLoad() {
	}

	public static void main(String[] args) throws Exception {
		int jobs = 1000;
		int latencyMillis = 100;
		int workerReplicas = 1;
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--jobs" -> jobs = Integer.parseInt(args[++i]);
				case "--latency-ms" -> latencyMillis = Integer.parseInt(args[++i]);
				case "--worker-replicas" -> workerReplicas = Integer.parseInt(args[++i]);
				default -> rest.add(args[i]);
			}
		}
		try (FakeAnthropicServer fake = FakeAnthropicServer.start()) {
			Duration latency = Duration.ofMillis(latencyMillis);
			fake.defaultReply((request) -> Reply.text(BIBLE).withHeaderDelay(latency));
			List<String> all = new ArrayList<>(rest);
			all.addAll(List.of("--writers", "10", "--chapters", "1", "--words", "200-300", "--pgbench", "false",
					"--env", "content-worker.ANTHROPIC_API_KEY=bench-not-a-real-key", "--env",
					"content-worker.ANTHROPIC_BASE_URL=" + fake.baseUrl(), "--env",
					"content-worker.AI_MODEL_DEFAULT=anthropic:claude-sonnet-5-5", "--env",
					"content-service.ANTHROPIC_API_KEY=bench-not-a-real-key", "--env",
					"content-service.AI_MODEL_DEFAULT=anthropic:claude-sonnet-5-5", "--env",
					"content-service.AUTHORWORKS_CONTENT_GENERATION_MAX_ACTIVE_JOBS_PER_USER=100000", "--env",
					"content-service.AUTHORWORKS_CONTENT_GENERATION_MONTHLY_SPEND_LIMIT_MICROS=100000000000000"));
			Options options = Options.parse(all.toArray(String[]::new));
			run(options, jobs, latency, workerReplicas, fake);
		}
	}

	private static void run(Options options, int jobCount, Duration latency, int workerReplicas,
			FakeAnthropicServer fake) throws Exception {
		String database = "aw_genbench_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
		DatabaseEndpoint admin = new DatabaseEndpoint(options.databaseHost(), options.databasePort(),
				options.databaseAdminDb(), options.databaseUser(), options.databasePassword());
		Path data = options.root().resolve("bench/content-load/target/generation-platform");
		Files.createDirectories(data);
		Platform.Builder builder = Platform.builder()
			.registry(ContentLoad.registry(options))
			.workingDirectory(options.root())
			.dataDirectory(data)
			.freePorts()
			.externalDatabase(admin.withDatabase(database))
			.externalRedis(options.redisUrl())
			.externalAmqp(options.amqpUrl())
			.deployables("user-service", "content-service", "content-worker", "api-gateway")
			.replicas("content-worker", workerReplicas)
			.jvmOptions(options.jvmOptions())
			.restartCrashed(false)
			.readinessTimeout(Duration.ofSeconds(300));
		try (Platform platform = builder.build()) {
			PlatformEndpoints endpoints = platform.start();
			String publicUrl = endpoints.publicUrl().toString().replaceAll("/$", "");
			Writers writers = new Writers(publicUrl, ContentLoad.secret(data, "GATEWAY_CLIENT_SECRET"),
					platform.mailServer().orElseThrow(), options);
			List<Writers.ChapterRef> books = writers.prepare();
			say("platform ready; " + books.size() + " books of " + options.writers() + " writers");

			HttpClient http = HttpClient.newHttpClient();
			Instant start = Instant.now();
			List<Future<Integer>> answers = new ArrayList<>();
			try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
				for (int i = 0; i < jobCount; i++) {
					Writers.ChapterRef book = books.get(i % books.size());
					answers.add(pool.submit(() -> http.send(HttpRequest
						.newBuilder(URI.create(publicUrl + "/api/content/books/" + book.bookId() + "/generation/jobs"))
						.header("Authorization", "Bearer " + book.writer().accessToken)
						.header("X-Forwarded-For", book.writer().address)
						.header("Content-Type", "application/json")
						.header("Idempotency-Key", UUID.randomUUID().toString())
						.POST(HttpRequest.BodyPublishers
							.ofString("{\"kind\": \"bible\", \"params\": {\"premise\": \"A cartographer maps a city "
									+ "that rearranges itself every night.\"}}"))
						.build(), HttpResponse.BodyHandlers.ofString()).statusCode()));
				}
				int accepted = 0;
				for (Future<Integer> answer : answers) {
					if (answer.get() == 202) {
						accepted++;
					}
				}
				Duration queuing = Duration.between(start, Instant.now());
				say(accepted + " of " + jobCount + " jobs accepted in " + queuing.toMillis() + " ms");
			}
			String url = admin.withDatabase(database).jdbcUrl();
			long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
			long done = 0;
			try (Connection db = DriverManager.getConnection(url, options.databaseUser(), options.databasePassword());
					Statement statement = db.createStatement()) {
				while (System.nanoTime() < deadline) {
					try (ResultSet rows = statement.executeQuery(
							"select count(*) from content.generation_jobs where state in ('succeeded','failed','cancelled')")) {
						rows.next();
						done = rows.getLong(1);
					}
					if (done >= jobCount) {
						break;
					}
					Thread.sleep(500);
				}
				Duration total = Duration.between(start, Instant.now());
				report(statement, jobCount, total, latency, fake);
			}
		}
	}

	private static void report(Statement db, int jobCount, Duration total, Duration latency, FakeAnthropicServer fake)
			throws Exception {
		String states = query(db, "select string_agg(state || '=' || n, ', ') from (select state, count(*) n from "
				+ "content.generation_jobs group by state) s");
		String duplicateSteps = query(db, "select count(*) from (select job_id, index from content.generation_steps "
				+ "group by job_id, index having count(*) > 1) d");
		String usageRows = query(db, "select count(*) from content.generation_usage");
		String stepsRun = query(db, "select count(*) from content.generation_steps where state = 'succeeded'");
		String queueWait = query(db,
				"select round(avg(extract(epoch from (started_at - created_at)) * 1000)::numeric, 1) "
						+ "|| ' ms avg, ' || round((percentile_cont(0.99) within group (order by extract(epoch from "
						+ "(started_at - created_at)) * 1000))::numeric, 1) || ' ms p99' from content.generation_jobs");
		String runTime = query(db,
				"select round(avg(extract(epoch from (finished_at - started_at)) * 1000)::numeric, 1) "
						+ "from content.generation_jobs where state = 'succeeded'");
		double throughput = jobCount / (total.toMillis() / 1000.0);
		double overhead = Double.parseDouble(runTime) - latency.toMillis();
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "jobs: %d, provider latency %d ms, fake saw %d requests%n", jobCount,
				latency.toMillis(), fake.requests().size()));
		text.append("states: ").append(states).append('\n');
		text.append("steps succeeded: ")
			.append(stepsRun)
			.append(", duplicated steps: ")
			.append(duplicateSteps)
			.append(", usage rows: ")
			.append(usageRows)
			.append('\n');
		text.append(String.format(Locale.ROOT, "throughput: %.1f jobs/s over %.1f s (queued to all finished)%n",
				throughput, total.toMillis() / 1000.0));
		text.append("queued → started: ").append(queueWait).append('\n');
		text.append(String.format(Locale.ROOT,
				"started → finished: %s ms avg, of which %.1f ms is the platform's own (beyond the provider's %d ms)%n",
				runTime, overhead, latency.toMillis()));
		System.out.print(text);
		Path out = Path.of("bench/results");
		Files.createDirectories(out);
		Files.writeString(out.resolve("generation-load-" + java.time.LocalDate.now() + ".md"),
				"# Generation queue benchmark\n\n```\n" + text + "```\n");
	}

	private static String query(Statement db, String sql) throws Exception {
		try (ResultSet rows = db.executeQuery(sql)) {
			rows.next();
			return String.valueOf(rows.getString(1));
		}
	}

	private static void say(String line) {
		System.out.println("[generation-load] " + line);
	}

	static final String BIBLE = """
			{"premise": "A cartographer maps a city that rearranges itself every night.",
			 "synopsis": "Ines Varga charts streets that move; her maps start deciding where they go.",
			 "styleGuide": {"pointOfView": "third limited", "tense": "past", "voice": "wry, precise"},
			 "characters": [{"name": "Ines Varga", "role": "protagonist", "description": "A cartographer."},
			                {"name": "Teodor Brask", "role": "antagonist", "description": "The city's surveyor-general."}],
			 "locations": [{"name": "Hollow Market", "description": "A square that is never in the same place."}],
			 "lore": [], "notes": []}
			""";

}
