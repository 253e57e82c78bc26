package io.authorworks.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.lib.storyai.engine.AiProperties;
import io.authorworks.lib.storyai.engine.ContentAi;
import io.authorworks.testing.llm.FakeAnthropicServer;
import io.authorworks.testing.llm.RecordedRequest;
import io.authorworks.testing.llm.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interactive operations streamed straight from the provider: a rewrite through the fake
 * Anthropic server (routed there by {@code authorworks.ai.models.rewrite}), a shortening
 * written offline (routed to the offline provider), a client that hangs up, and the
 * request checks.
 */
@TestPropertySource(properties = { "authorworks.ai.models.rewrite=anthropic:claude-fake-1",
		"authorworks.ai.models.bible=anthropic:claude-fake-1", "authorworks.ai.models.shorten=offline:offline-v1",
		"authorworks.ai.prices[claude-fake-1]=3.00/15.00 USD" })
@DirtiesContext
@Import(AssistIntegrationTests.Keys.class)
class AssistIntegrationTests extends ContentIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final FakeAnthropicServer anthropic = FakeAnthropicServer.start();

	static final String SELECTION = "The rain came down. It was wet. Mara walked to the lighthouse in it.";

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("authorworks.ai.anthropic.base-url", anthropic::baseUrl);
	}

	@AfterAll
	static void stopFake() {
		anthropic.close();
	}

	@Test
	void aRewriteStreamsFromTheProviderAndRecordsItsUsage() {
		Writer ada = writer("ada");
		String book = book(ada.author(), "The Lamp Room").get("id").asString();
		String rewritten = "Rain hammered the cliff path as Mara climbed toward the lighthouse, soaked to the bone.";
		int before = anthropic.requests().size();
		anthropic.enqueue(Reply.text(rewritten).withChunkDelay(Duration.ofMillis(100)));

		List<Event> events = stream(ada, book,
				Map.of("operation", "rewrite", "selection", SELECTION, "instructions", "Make it vivid."));

		assertThat(events).extracting(Event::name).endsWith("done").contains("delta");
		List<Event> deltas = events.stream().filter((e) -> e.name().equals("delta")).toList();
		assertThat(deltas).hasSizeGreaterThan(5);
		assertThat(String.join("", deltas.stream().map((e) -> e.json().get("text").asString()).toList()))
			.isEqualTo(rewritten);
		// Streamed as written, not all at once at the end.
		Event done = events.getLast();
		assertThat(done.receivedNanos() - deltas.getFirst().receivedNanos())
			.isGreaterThan(Duration.ofMillis(150).toNanos());

		List<RecordedRequest> calls = anthropic.requests().subList(before, anthropic.requests().size());
		assertThat(calls).hasSize(1);
		assertThat(calls.getFirst().stream()).isTrue();
		assertThat(String.join("\n", calls.getFirst().promptTexts())).contains(SELECTION).contains("Make it vivid.");
		long input = anthropic.tokenizer().countPrompt(calls.getFirst().promptTexts());
		long output = anthropic.tokenizer().count(rewritten);
		JsonNode body = done.json();
		assertThat(body.get("provider").asString()).isEqualTo("anthropic");
		assertThat(body.get("model").asString()).isEqualTo("claude-fake-1");
		assertThat(body.get("offline").asBoolean()).isFalse();
		assertThat(body.get("usage").get("inputTokens").asLong()).isEqualTo(input);
		assertThat(body.get("usage").get("outputTokens").asLong()).isEqualTo(output);
		assertThat(body.get("cost").get("currency").asString()).isEqualTo("USD");
		assertThat(body.get("cost").get("micros").asLong()).isPositive();
		assertThat(this.jdbc
			.sql("select operation, provider, input_tokens, output_tokens, job_id is null from generation_usage "
					+ "where book_id = :book")
			.param("book", UUID.fromString(book))
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBoolean(5)))
			.single()).containsExactly("rewrite", "anthropic", input, output, true);
	}

	@Test
	void aBookInASeriesIsWrittenFromItsSeriesBibleUnderItsOwn() {
		Writer ada = writer("ada");
		String book = book(ada.author(), "The Lamp Room").get("id").asString();
		String series = "/content/series/" + ada.author()
			.api()
			.post("/content/series", Map.of("title", "North Light"))
			.json()
			.get("id")
			.asString();
		ada.author().api().put(series + "/books/" + book, null);
		ada.author()
			.api()
			.with("If-Match", "\"0\"")
			.patch(series + "/bible", Map.of("voice", "Wry and salt-stung.", "tense", "past"));
		ada.author()
			.api()
			.post(series + "/bible/characters",
					Map.of("name", "Mara", "role", "protagonist", "description", "Keeper of the North Light."));
		ada.author()
			.api()
			.post(series + "/bible/characters",
					Map.of("name", "Tobias", "role", "mentor", "description", "Her kindly uncle."));
		String bible = "/content/books/" + book + "/bible";
		ada.author().api().with("If-Match", "\"0\"").patch(bible, Map.of("tense", "present"));
		ada.author()
			.api()
			.post(bible + "/characters",
					Map.of("name", " Tobias ", "role", "rival", "description", "Her uncle, now a smuggler."));
		int before = anthropic.requests().size();
		anthropic.enqueue(Reply.text("Mara and Tobias met on the stair."));

		List<Event> events = stream(ada, book,
				Map.of("operation", "rewrite", "selection", "Mara saw Tobias on the stair. He said nothing."));

		assertThat(events).extracting(Event::name).endsWith("done");
		String prompt = String.join("\n", anthropic.requests().get(before).promptTexts());
		assertThat(prompt).contains("Voice: Wry and salt-stung.")
			.contains("Tense: present")
			.contains("Mara (protagonist): Keeper of the North Light.")
			.contains("Tobias (rival): Her uncle, now a smuggler.")
			.doesNotContain("kindly");
	}

	@Test
	void aShorteningIsWrittenOfflineWhenTheOfflineProviderServesIt() {
		Writer ada = writer("ada");
		String book = book(ada.author(), "The Lamp Room").get("id").asString();
		List<Event> events = stream(ada, book, Map.of("operation", "shorten", "selection", SELECTION));

		assertThat(events).extracting(Event::name).endsWith("done").contains("delta");
		JsonNode done = events.getLast().json();
		assertThat(done.get("offline").asBoolean()).isTrue();
		assertThat(done.get("notice").asString()).isNotBlank();
		assertThat(done.get("cost").get("micros").asLong()).isZero();
		assertThat(this.jdbc.sql("select count(*) from generation_usage where book_id = :book and offline")
			.param("book", UUID.fromString(book))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aClientThatHangsUpCancelsTheProviderCall() throws IOException {
		Writer ada = writer("ada");
		String book = book(ada.author(), "The Lamp Room").get("id").asString();
		int disconnects = anthropic.disconnects();
		int completed = anthropic.completedStreams();
		anthropic
			.enqueue(Reply.text("Rain hammered the cliff path. ".repeat(200)).withChunkDelay(Duration.ofMillis(20)));

		HttpResponse<InputStream> response = open(ada, book, Map.of("operation", "rewrite", "selection", SELECTION));
		assertThat(response.statusCode()).isEqualTo(200);
		try (InputStream body = response.body()) {
			BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null && !line.startsWith("event:delta")
					&& !line.startsWith("event: delta")) {
				// Wait for the first delta.
			}
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> anthropic.disconnects() > disconnects);
		assertThat(anthropic.completedStreams()).isEqualTo(completed);
	}

	@Test
	void badInputIsAProblemAndOthersCannotLearnTheBookExists() {
		Writer ada = writer("ada");
		Writer eve = writer("eve");
		String book = book(ada.author(), "Private").get("id").asString();
		Api.Response bad = ada.author()
			.api()
			.post("/content/books/" + book + "/assist", Map.of("operation", "summon", "selection", "x"));
		assertProblem(bad, 422, "validation-failed");
		assertThat(bad.json().get("violations").get(0).get("field").asString()).isEqualTo("operation");
		assertProblem(ada.author().api().post("/content/books/" + book + "/assist", Map.of("operation", "rewrite")),
				422, "validation-failed");
		assertProblem(ada.author()
			.api()
			.post("/content/books/" + book + "/assist",
					Map.of("operation", "rewrite", "selection", "x", "chapterId", UUID.randomUUID().toString())),
				404, "not-found");
		assertProblem(
				eve.author()
					.api()
					.post("/content/books/" + book + "/assist", Map.of("operation", "rewrite", "selection", "x")),
				404, "not-found");
		assertThat(this.jdbc.sql("select count(*) from generation_usage where book_id = :book")
			.param("book", UUID.fromString(book))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theMonthlySpendLimitHoldsForInteractiveOperations() {
		Writer ada = writer("ada");
		String book = book(ada.author(), "The Lamp Room").get("id").asString();
		this.jdbc.sql("""
				insert into generation_usage (id, user_id, book_id, operation, provider, model, offline,
				    input_tokens, output_tokens, cost_micros, currency)
				values (gen_random_uuid(), :user, :book, 'rewrite', 'anthropic', 'claude-fake-1', false, 1, 1,
				    50000000, 'USD')
				""").param("user", ada.author().id()).param("book", UUID.fromString(book)).update();
		int before = anthropic.requests().size();

		assertProblem(
				ada.author()
					.api()
					.post("/content/books/" + book + "/assist", Map.of("operation", "rewrite", "selection", SELECTION)),
				402, "generation-spend-limit");
		assertThat(anthropic.requests()).hasSize(before);
		// Offline operations cost nothing and still work.
		assertThat(stream(ada, book, Map.of("operation", "shorten", "selection", SELECTION))).extracting(Event::name)
			.endsWith("done");
	}

	@Test
	void jobsAndInteractiveOperationsShareOneMonthlySpendLimit() {
		Writer ada = writer("ada");
		String book = book(ada.author(), "The Tide Clock").get("id").asString();
		this.jdbc.sql("""
				insert into generation_usage (id, user_id, book_id, operation, provider, model, offline,
				    input_tokens, output_tokens, cost_micros, currency)
				values (gen_random_uuid(), :user, :book, 'bible', 'anthropic', 'claude-fake-1', false, 1, 1,
				    50000000, 'USD')
				""").param("user", ada.author().id()).param("book", UUID.fromString(book)).update();

		Api.Response job = ada.author()
			.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/content/books/" + book + "/generation/jobs",
					Map.of("kind", "bible", "params", Map.of("premise", "A clockmaker who can stop the tide.")));
		assertProblem(job, 402, "generation-spend-limit");
		assertThat(job.json().get("detail").asString()).startsWith("This job is quoted at ")
			.endsWith("; you have spent 50.0000 USD of your monthly 50.0000 USD AI limit. "
					+ "Choose fewer or shorter chapters, or wait for next month.");
		assertThat(this.jdbc.sql("select count(*) from generation_jobs where book_id = :book")
			.param("book", UUID.fromString(book))
			.query(Integer.class)
			.single()).isZero();
		Api.Response assist = ada.author()
			.api()
			.post("/content/books/" + book + "/assist", Map.of("operation", "rewrite", "selection", SELECTION));
		assertProblem(assist, 402, "generation-spend-limit");
		assertThat(assist.json().get("detail").asString()).startsWith("This is quoted at ")
			.endsWith("; you have spent 50.0000 USD of your monthly 50.0000 USD AI limit. Wait for next month.");
	}

	/** A signed-in author and their raw token, for streaming requests. */
	record Writer(Author author, String token) {
	}

	Writer writer(String name) {
		UUID id = users.register(UUID.randomUUID());
		String token = issuer.userToken(id, name, List.of("reader", "author"));
		return new Writer(new Author(id, new Api(base(), token)), token);
	}

	/**
	 * A server-sent event as it arrived.
	 *
	 * @param name the event name
	 * @param data its data
	 * @param receivedNanos when it arrived ({@link System#nanoTime()})
	 */
	record Event(String name, String data, long receivedNanos) {

		JsonNode json() {
			return JSON.readTree(this.data);
		}

	}

	private HttpResponse<InputStream> open(Writer writer, String book, Map<String, Object> request) {
		HttpRequest http = HttpRequest.newBuilder(URI.create(base() + "/content/books/" + book + "/assist"))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + writer.token())
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
			.build();
		try {
			return HttpClient.newHttpClient().send(http, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private List<Event> stream(Writer writer, String book, Map<String, Object> request) {
		HttpResponse<InputStream> response = open(writer, book, request);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		List<Event> events = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String name = "message";
			StringBuilder data = new StringBuilder();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						events.add(new Event(name, data.toString(), System.nanoTime()));
					}
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					if (!data.isEmpty()) {
						data.append('\n');
					}
					data.append(line.substring(5).stripLeading());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return events;
	}

	/** The provider's key, which the application reads from the environment. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Keys {

		@Bean
		ContentAi contentAi(AiProperties properties) {
			return ContentAi.from(properties, Map.of("ANTHROPIC_API_KEY", "sk-ant-test-key")::get, Clock.systemUTC());
		}

	}

}
