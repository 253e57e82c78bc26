package io.authorworks.worker.content;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance 4: the packaged worker, run as a process of its own, is killed outright
 * ({@code kill -9}) in the middle of a full-book job; a new worker process picks up the
 * redelivered message and finishes the job from the last finished step, redoing none of
 * the finished ones and writing no chapter or usage row twice. This test JVM's own worker
 * stays stopped, so only the processes run the job.
 */
@IntegrationTest(properties = "LOG_FORMAT=text")
@DirtiesContext
class WorkerCrashResumeIT {

	static final TestIssuer issuer = new TestIssuer();

	/** Slow enough to kill the worker between steps; offline steps take milliseconds. */
	static final Map<String, String> SLOW_WORKER = Map.of("SPRING_APPLICATION_JSON",
			"{\"authorworks.worker.step-delay\":\"1500ms\"}");

	static ContentServiceProcess contentService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitListenerEndpointRegistry listeners;

	@BeforeAll
	static void startContentService() {
		contentService = ContentServiceProcess.contentService(issuer.jwksUri());
	}

	@AfterAll
	static void stopContentService() {
		if (contentService != null) {
			contentService.close();
		}
	}

	@BeforeEach
	void stopInProcessWorker() {
		this.listeners.stop();
	}

	@Test
	void aWorkerKilledMidJobIsReplacedAndTheJobResumesFromItsLastFinishedStep() {
		ContentApi ada = new ContentApi(contentService.baseUrl(),
				issuer.userToken(UUID.randomUUID(), "ada", List.of("reader", "author")));
		ContentApi.Response created = ada.post("/content/books", Map.of("title", "The Drowned Bell"), Map.of());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String book = created.json().get("id").asString();
		int chapters = 3;
		// bible, synopsis, outline, plan + prose + summary per chapter, check
		int steps = 3 + 3 * chapters + 1;

		ContentServiceProcess first = ContentServiceProcess.worker(SLOW_WORKER);
		ContentServiceProcess second = null;
		try {
			ContentApi.Response started = ada.post("/content/books/" + book + "/generation/jobs",
					Map.of("kind", "full-book", "params",
							Map.of("premise",
									"A bell-founder's apprentice hears the bell of a drowned village ring at low tide.",
									"chapters", chapters, "targetWords", 300)),
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
			assertThat(started.status()).as(started.toString()).isEqualTo(202);
			UUID job = UUID.fromString(started.json().get("id").asString());

			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> finished(job).size() >= 3);
			first.kill();
			List<String> finishedBeforeKill = finished(job);
			assertThat(finishedBeforeKill).hasSizeBetween(3, steps - 1);
			assertThat(state(job)).isEqualTo("running");

			second = ContentServiceProcess.worker(SLOW_WORKER);
			await().atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> !List.of("queued", "running").contains(state(job)));

			JsonNode done = ada.get("/content/generation/jobs/" + job).json();
			assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
			assertThat(done.get("progress").get("done").asInt()).isEqualTo(steps);
			// The steps that had finished were not run again: same finish time, one
			// attempt.
			assertThat(finished(job)).hasSize(steps).containsAll(finishedBeforeKill);
			assertThat(this.jdbc
				.sql("select count(*) from generation_steps where job_id = :job and attempts > 1 "
						+ "and index < :done")
				.param("job", job)
				.param("done", finishedBeforeKill.size())
				.query(Integer.class)
				.single()).isZero();
			assertThat(this.jdbc.sql("select deliveries from generation_jobs where id = :job")
				.param("job", job)
				.query(Integer.class)
				.single()).isEqualTo(2);
			// No chapter and no usage row twice.
			JsonNode listed = ada.get("/content/books/" + book + "/chapters").json().get("items");
			assertThat(listed).hasSize(chapters);
			assertThat(this.jdbc.sql("select count(*) from chapters where book_id = :book")
				.param("book", UUID.fromString(book))
				.query(Integer.class)
				.single()).isEqualTo(chapters);
			assertThat(this.jdbc
				.sql("select count(*), count(distinct step_index) from generation_usage " + "where job_id = :job")
				.param("job", job)
				.query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2)))
				.single()).containsExactly(steps - 1, steps - 1);
			// The new worker says that it took the job over and where it went on, in the
			// trace of the request that started the job.
			String traceId = this.jdbc
				.sql("select trace_parent from outbox_event where routing_key = 'content_generation' "
						+ "and envelope->'data'->>'jobId' = :job")
				.param("job", job.toString())
				.query(String.class)
				.single()
				.split("-")[1];
			List<String> lines = second.log().lines().filter((l) -> l.contains("Job " + job)).toList();
			assertThat(lines).as(second.tail())
				.anyMatch((l) -> l.contains("Job " + job + " delivered again"))
				.anyMatch((l) -> l.contains("Job " + job + " resumes at step " + (finishedBeforeKill.size() + 1)))
				.anyMatch((l) -> l.contains("Job " + job + " succeeded"))
				.allMatch((l) -> l.contains(traceId));
		}
		finally {
			first.kill();
			if (second != null) {
				second.close();
			}
		}
	}

	/** The finished steps as {@code index:finished_at}, in order. */
	private List<String> finished(UUID job) {
		return this.jdbc
			.sql("select index || ':' || finished_at from generation_steps "
					+ "where job_id = :job and state = 'succeeded' order by index")
			.param("job", job)
			.query((rs, row) -> rs.getString(1))
			.list();
	}

	private String state(UUID job) {
		return this.jdbc.sql("select state from generation_jobs where id = :job")
			.param("job", job)
			.query(String.class)
			.single();
	}

}
