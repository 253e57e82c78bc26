package io.authorworks.content;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generation jobs as the content-service answers them, without a worker: quotes, the job
 * and its queue message written together, access, limits, and cancelling a queued job
 * with its live events.
 */
class GenerationIntegrationTests extends ContentIntegrationTest {

	static final Map<String, Object> FULL_BOOK = Map.of("kind", "full-book", "params",
			Map.of("premise", "A lighthouse keeper finds letters from her missing sister hidden in the lamp room.",
					"chapters", 5, "targetWords", 400));

	@Autowired
	JdbcClient jdbc;

	@Test
	void theQuoteIsShownBeforeAnythingStarts() {
		Author ada = author("ada");
		String book = book(ada, "The Lamp Room").get("id").asString();
		Api.Response quote = ada.api().post("/content/books/" + book + "/generation/quote", FULL_BOOK);
		assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
		JsonNode body = quote.json();
		assertThat(body.get("kind").asString()).isEqualTo("full-book");
		// bible, synopsis, outline, then plan, prose and summary per chapter, then the
		// check
		assertThat(body.get("steps")).hasSize(3 + 3 * 5 + 1);
		assertThat(body.get("steps").get(4).get("name").asString()).isEqualTo("chapter-1-prose");
		assertThat(body.get("total").get("inputTokens").asLong()).isPositive();
		assertThat(body.get("total").get("outputTokens").asLong()).isGreaterThan(5 * 400);
		assertThat(body.get("offline").asBoolean()).isTrue();
		assertThat(body.get("total").get("costMicros").asLong()).isZero();
		assertThat(ada.api().get("/content/books/" + book + "/generation/jobs").json().get("items")).isEmpty();
	}

	@Test
	void startingAJobNeedsAnIdempotencyKeyAndTheGeneratePermission() {
		Author ada = author("ada");
		Author eve = author("eve");
		String book = book(ada, "Private").get("id").asString();
		assertProblem(ada.api().post("/content/books/" + book + "/generation/jobs", FULL_BOOK), 428,
				"idempotency-key-required");
		assertProblem(eve.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/content/books/" + book + "/generation/jobs", FULL_BOOK), 404, "not-found");
		assertProblem(eve.api().post("/content/books/" + book + "/generation/quote", FULL_BOOK), 404, "not-found");
		assertProblem(
				ada.api()
					.with("Idempotency-Key", UUID.randomUUID().toString())
					.post("/content/books/" + book + "/generation/jobs", Map.of("kind", "poem")),
				422, "validation-failed");
		assertThat(this.jdbc.sql("select count(*) from generation_jobs where book_id = :book")
			.param("book", UUID.fromString(book))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aJobIsRecordedWithItsStepsAndItsQueueMessageAndCanBeCancelledWhileQueued() {
		Author ada = author("ada");
		Author eve = author("eve");
		String book = book(ada, "Queued").get("id").asString();
		Api.Response started = ada.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/content/books/" + book + "/generation/jobs", FULL_BOOK);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String jobId = started.json().get("id").asString();
		assertThat(started.header("Location")).hasValue("/content/generation/jobs/" + jobId);
		assertThat(started.json().get("state").asString()).isEqualTo("queued");
		assertThat(started.json().get("progress").get("total").asInt()).isEqualTo(19);

		JsonNode job = ada.api().get("/content/generation/jobs/" + jobId).json();
		assertThat(job.get("steps")).hasSize(19);
		assertThat(job.get("quote").get("total").get("inputTokens").asLong()).isPositive();
		assertThat(this.jdbc
			.sql("select count(*) from outbox_event where routing_key = 'content_generation' "
					+ "and envelope->'data'->>'jobId' = :job")
			.param("job", jobId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertProblem(eve.api().get("/content/generation/jobs/" + jobId), 404, "not-found");
		assertProblem(eve.api().post("/content/generation/jobs/" + jobId + "/cancel", null), 404, "not-found");
		// The dashboard's list of running work: Ada's own, nobody else's.
		assertThat(ada.api().get("/content/generation/jobs").json().get("items"))
			.extracting((j) -> j.get("id").asString())
			.containsExactly(jobId);
		assertThat(eve.api().get("/content/generation/jobs").json().get("items")).isEmpty();

		Api.Response cancelled = ada.api().post("/content/generation/jobs/" + jobId + "/cancel", null);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(202);
		assertThat(cancelled.json().get("state").asString()).isEqualTo("cancelled");
		assertThat(ada.api().get("/content/generation/jobs").json().get("items")).isEmpty();

		Api.Response events = ada.api().get("/content/generation/jobs/" + jobId + "/events");
		assertThat(events.status()).isEqualTo(200);
		assertThat(events.contentType()).startsWith("text/event-stream");
		List<String> ids = events.text().lines().filter((l) -> l.startsWith("id: ")).toList();
		assertThat(ids).hasSize(2);
		assertThat(events.text()).contains("event: state").contains("event: cancelled");
		Api.Response rest = ada.api()
			.with("Last-Event-ID", ids.getFirst().substring(4))
			.get("/content/generation/jobs/" + jobId + "/events");
		assertThat(rest.text()).doesNotContain("event: state").contains("event: cancelled");
	}

	@Test
	void aFinishedJobsStreamResumedAtItsLastEventSendsTheFinalStateAndEnds() {
		Author ada = author("ada");
		String book = book(ada, "Resumed").get("id").asString();
		String jobId = ada.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/content/books/" + book + "/generation/jobs", FULL_BOOK)
			.json()
			.get("id")
			.asString();
		ada.api().post("/content/generation/jobs/" + jobId + "/cancel", null);
		List<String> ids = ada.api()
			.get("/content/generation/jobs/" + jobId + "/events")
			.text()
			.lines()
			.filter((l) -> l.startsWith("id: "))
			.toList();
		String last = ids.getLast().substring(4);
		// Before the fix the server sent keep-alives forever, so the client timed out.
		for (String resumeAt : List.of(last, last.substring(0, last.indexOf('-')) + "-99")) {
			Api.Response resumed = ada.api()
				.timeout(Duration.ofSeconds(10))
				.with("Last-Event-ID", resumeAt)
				.get("/content/generation/jobs/" + jobId + "/events");
			assertThat(resumed.status()).isEqualTo(200);
			assertThat(resumed.text()).as(resumeAt)
				.doesNotContain("event: state")
				.contains("event: cancelled")
				.contains("\"state\":\"cancelled\"");
		}
	}

	@Test
	void tooManyJobsAtOnceAreRefusedWithAClearProblem() {
		Author ada = author("ada");
		String book = book(ada, "Busy").get("id").asString();
		Map<String, Object> bible = Map.of("kind", "bible", "params", Map.of("premise", "Two rival bakers."));
		for (int i = 0; i < 2; i++) {
			assertThat(ada.api()
				.with("Idempotency-Key", UUID.randomUUID().toString())
				.post("/content/books/" + book + "/generation/jobs", bible)
				.status()).isEqualTo(202);
		}
		assertProblem(ada.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/content/books/" + book + "/generation/jobs", bible), 429, "generation-concurrency-limit");
		JsonNode list = ada.api().get("/content/books/" + book + "/generation/jobs?limit=1").json();
		assertThat(list.get("items")).hasSize(1);
		assertThat(list.get("nextCursor")).isNotNull();
		JsonNode next = ada.api()
			.get("/content/books/" + book + "/generation/jobs?limit=1&cursor=" + list.get("nextCursor").asString())
			.json();
		assertThat(next.get("items")).hasSize(1);
		assertThat(next.get("items").get(0).get("id")).isNotEqualTo(list.get("items").get(0).get("id"));
	}

}
