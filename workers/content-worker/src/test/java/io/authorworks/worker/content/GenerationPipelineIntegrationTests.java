package io.authorworks.worker.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.lib.storystore.WordCount;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow against the real PostgreSQL, Redis and RabbitMQ: the packaged
 * content-service (a separate JVM) records and queues the job, this worker runs it with
 * the offline provider, and the author reads the book through the content API and follows
 * the job live.
 */
@IntegrationTest(properties = { "authorworks.events.relay-interval=200ms", "LOG_FORMAT=text",
		"authorworks.ai.prices[offline-v1]=" + GenerationPipelineIntegrationTests.OFFLINE_PRICE })
@DirtiesContext
class GenerationPipelineIntegrationTests {

	/**
	 * The offline generator priced like a mid-range model (in both processes), so that
	 * the quoted cost, which weighs output tokens five times input ones, can be checked
	 * against what the run cost.
	 */
	static final String OFFLINE_PRICE = "2.00/10.00 USD";

	static final TestIssuer issuer = new TestIssuer();

	static ContentServiceProcess contentService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@BeforeAll
	static void startContentService() {
		contentService = ContentServiceProcess.contentService(issuer.jwksUri(), Map.of("SPRING_APPLICATION_JSON",
				ContentApi.JSON.writeValueAsString(Map.of("authorworks.ai.prices[offline-v1]", OFFLINE_PRICE))));
	}

	@AfterAll
	static void stopContentService() {
		if (contentService != null) {
			contentService.close();
		}
	}

	static ContentApi author() {
		UUID id = UUID.randomUUID();
		return new ContentApi(contentService.baseUrl(), issuer.userToken(id, "ada", List.of("reader", "author")));
	}

	@Test
	void aGeneratedBibleInheritsWhatItsSeriesBibleSays() {
		ContentApi ada = author();
		String book = ada.newBook("The Second Light");
		String series = "/content/series/"
				+ ada.post("/content/series", Map.of("title", "North Light"), Map.of()).json().get("id").asString();
		assertThat(ada.put(series + "/books/" + book, null).status()).isEqualTo(200);
		ada.patch(series + "/bible", Map.of("tense", "present", "voice", "Wry and salt-stung."),
				Map.of("If-Match", "\"0\""));
		ada.post(series + "/bible/characters",
				Map.of("name", "Mara Voss", "role", "protagonist", "description", "Keeper of the North Light."),
				Map.of());

		JsonNode done = ada.awaitJobEnd(ada.startJob(book, Map.of("kind", "bible", "params", Map.of("premise",
				"Mara Voss keeps the lighthouse at Gull Point and finds letters from her missing sister Ines."))));

		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
		JsonNode own = ada.get("/content/books/" + book + "/bible").json();
		assertThat(own.get("characters")).as(own.toString())
			.isNotEmpty()
			.noneMatch((c) -> c.get("name").asString().equalsIgnoreCase("Mara Voss"));
		assertThat(own.get("styleGuide").path("tense").asString("")).isEmpty();
		JsonNode resolved = ada.get("/content/books/" + book + "/bible?resolved=true").json();
		assertThat(resolved.get("styleGuide").get("tense").asString()).isEqualTo("present");
		assertThat(resolved.get("styleGuide").get("voice").asString()).isEqualTo("Wry and salt-stung.");
		assertThat(resolved.get("characters").get(0).get("description").asString())
			.isEqualTo("Keeper of the North Light.");
	}

	@Test
	void aFiveChapterBookIsWrittenFromItsPremiseAndFollowedLive() {
		ContentApi ada = author();
		String book = ada.newBook("The Lamp Room");
		Map<String, Object> request = Map.of("kind", "full-book", "params", Map.of("premise",
				"Mara Voss keeps the lighthouse at Gull Point and finds letters from her missing sister Ines hidden "
						+ "in the lamp room.",
				"chapters", 5, "targetWords", 400));
		ContentApi.Response quote = ada.post("/content/books/" + book + "/generation/quote", request, Map.of());
		assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
		assertThat(quote.json().get("steps")).hasSize(19);

		String job = ada.startJob(book, request);
		List<Sse.Event> live = Sse.read(ada.base() + "/content/generation/jobs/" + job + "/events", ada.token(), null);
		JsonNode done = ada.awaitJobEnd(job);
		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
		assertThat(done.get("progress").get("done").asInt()).isEqualTo(19);
		assertThat(done.get("steps")).allSatisfy((step) -> {
			assertThat(step.get("state").asString()).isEqualTo("succeeded");
			assertThat(step.get("finishedAt")).isNotNull();
		});
		assertThat(done.get("result").get("chapters")).hasSize(5);

		// The quote made before the job started holds for the whole book: the offline
		// provider's usage is what the offline generator counts for what it wrote.
		for (JsonNode step : done.get("steps")) {
			System.out.printf("quote-vs-usage step %-18s input %6d vs %6d, output %6d vs %6d%n",
					step.get("name").asString(), step.get("quote").get("inputTokens").asLong(),
					step.get("usage").get("inputTokens").asLong(), step.get("quote").get("outputTokens").asLong(),
					step.get("usage").get("outputTokens").asLong());
		}
		QuoteAccuracy.assertWithinThirtyPercent("full book (offline)", done.get("quote").get("total"),
				QuoteAccuracy.Used.byJob(this.jdbc, job));

		// The book is readable through the content API.
		JsonNode chapters = ada.get("/content/books/" + book + "/chapters").json().get("items");
		assertThat(chapters).hasSize(5);
		for (JsonNode chapter : chapters) {
			JsonNode full = ada.get("/content/books/" + book + "/chapters/" + chapter.get("id").asString()).json();
			assertThat(full.get("content").asString()).isNotBlank();
			// Stored with the count the editor shows, so the author's first save keeps
			// it.
			assertThat(full.get("wordCount").asInt()).isEqualTo(WordCount.ofMarkdown(full.get("content").asString()));
			JsonNode provenance = ada
				.get("/content/books/" + book + "/chapters/" + chapter.get("id").asString() + "/provenance")
				.json();
			assertThat(provenance.get("passages")).hasSize(1);
			assertThat(provenance.get("passages").get(0).get("jobId").asString()).isEqualTo(job);
			assertThat(provenance.get("passages").get(0).get("offline").asBoolean()).isTrue();
			assertThat(provenance.get("passages").get(0).get("end").asInt())
				.isEqualTo(full.get("content").asString().length());
		}
		JsonNode bible = ada.get("/content/books/" + book + "/bible").json();
		assertThat(bible.toString()).contains("Mara Voss");
		assertThat(this.jdbc.sql("select jsonb_array_length(chapters) from book_outlines where book_id = :book")
			.param("book", UUID.fromString(book))
			.query(Integer.class)
			.single()).isEqualTo(5);

		// Progress arrived live, in order, every event with an increasing id.
		assertThat(live.getLast().type()).isEqualTo("completed");
		List<String> ids = live.stream().map(Sse.Event::id).toList();
		assertThat(ids).doesNotContainNull();
		for (int i = 1; i < ids.size(); i++) {
			assertThat(Sse.Event.compareIds(ids.get(i - 1), ids.get(i))).isNegative();
		}
		assertThat(live).extracting(Sse.Event::type)
			.contains("state", "step-started", "delta", "progress", "step-finished");
		List<Integer> progress = new ArrayList<>();
		for (Sse.Event event : live) {
			if (event.type().equals("progress")) {
				progress.add(ContentApi.JSON.readTree(event.data()).get("done").asInt());
			}
		}
		assertThat(progress).isSorted().hasSize(19).endsWith(19);

		// A client that reconnects with Last-Event-ID gets exactly the rest.
		int middle = live.size() / 2;
		List<Sse.Event> rest = Sse.read(ada.base() + "/content/generation/jobs/" + job + "/events", ada.token(),
				live.get(middle).id());
		assertThat(rest).extracting(Sse.Event::id).containsExactlyElementsOf(ids.subList(middle + 1, ids.size()));

		// A second delivery of the same message changes nothing.
		List<String> finishTimesBefore = finishTimes(job);
		String body = this.jdbc
			.sql("select envelope::text from outbox_event where routing_key = 'content_generation' "
					+ "and envelope->'data'->>'jobId' = :job")
			.param("job", job)
			.query(String.class)
			.single();
		this.rabbit.send("", "content_generation",
				MessageBuilder.withBody(body.getBytes())
					.setContentType("application/cloudevents+json")
					.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
					.build());
		await().pollDelay(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.rabbit.execute((channel) -> channel.messageCount("content_generation")) == 0);
		assertThat(finishTimes(job)).isEqualTo(finishTimesBefore);
		assertThat(ada.get("/content/books/" + book + "/chapters").json().get("items")).hasSize(5);
		assertThat(this.jdbc.sql("select count(*) from generation_usage where job_id = :job")
			.param("job", UUID.fromString(job))
			.query(Integer.class)
			.single()).isEqualTo(18);
		assertThat(this.jdbc
			.sql("select count(*) from outbox_event where routing_key = 'generation.completed' "
					+ "and envelope->'data'->>'jobId' = :job")
			.param("job", job)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theWorkersOwnRoleMayNotDeleteTheStoryOrChangeTheSchema() {
		// The jobs above ran as this role; here is what it may not do.
		assertThat(this.jdbc.sql("select current_user").query(String.class).single()).isEqualTo("content_worker");
		assertDenied("delete from chapters");
		assertDenied("delete from generation_jobs");
		assertDenied("truncate chapter_revisions");
		assertDenied("update chapter_provenance set model = 'forged'");
		assertDenied("select count(*) from book_members");
		assertDenied("create table content.worker_scratch (id integer)");
		assertDenied("alter table chapters add column forged text");
		assertDenied("drop table chapter_summaries");
	}

	private void assertDenied(String sql) {
		assertThatExceptionOfType(DataAccessException.class).as(sql)
			.isThrownBy(() -> this.jdbc.sql(sql).update())
			.satisfies((ex) -> assertThat(ex.getMostSpecificCause().getMessage()).as(sql)
				.containsAnyOf("permission denied", "must be owner"));
	}

	@Test
	void aJobsLogLinesCarryItsIdAndTheTraceItWasStartedIn() {
		ContentApi ada = author();
		String book = ada.newBook("The Logged Light");
		try (LogCapture logs = LogCapture.of("io.authorworks.worker.content.job")) {
			String job = ada.startJob(book, Map.of("kind", "bible", "params",
					Map.of("premise", "A lighthouse keeper logs every ship that passes, and one that never does.")));
			assertThat(ada.awaitJobEnd(job).get("state").asString()).isEqualTo("succeeded");
			// The trace of the request that started the job, as its queue message carries
			// it.
			String traceParent = this.jdbc
				.sql("select trace_parent from outbox_event where routing_key = 'content_generation' "
						+ "and envelope->'data'->>'jobId' = :job")
				.param("job", job)
				.query(String.class)
				.single();
			String traceId = traceParent.split("-")[1];
			await().atMost(Duration.ofSeconds(10))
				.until(() -> logs.lines()
					.stream()
					.anyMatch((l) -> l.message().startsWith("Job " + job + " succeeded")));
			List<LogCapture.Line> lines = logs.lines().stream().filter((l) -> l.message().contains(job)).toList();
			assertThat(lines).extracting(LogCapture.Line::message)
				.anyMatch((m) -> m.startsWith("Job " + job + " started: bible with 1 steps"))
				.anyMatch((m) -> m.startsWith("Job " + job + " succeeded: 1 steps"));
			assertThat(lines).allSatisfy((line) -> {
				assertThat(line.context()).as(line.message()).containsEntry("jobId", job);
				assertThat(line.context()).as(line.message()).containsEntry("traceId", traceId);
			});
		}
	}

	private List<String> finishTimes(String job) {
		return this.jdbc
			.sql("select index || ':' || finished_at from generation_steps where job_id = :job " + "order by index")
			.param("job", UUID.fromString(job))
			.query((rs, row) -> rs.getString(1))
			.list();
	}

}
