package io.authorworks.worker.content;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.rabbitmq.client.GetResponse;
import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.engine.AiProperties;
import io.authorworks.lib.storyai.engine.ContentAi;
import io.authorworks.testing.llm.FakeAnthropicServer;
import io.authorworks.testing.llm.FakeOpenAiServer;
import io.authorworks.testing.llm.RecordedRequest;
import io.authorworks.testing.llm.Reply;
import io.authorworks.lib.storyai.offline.OfflineGenerator;
import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the worker does when a provider misbehaves, against the fake Anthropic and
 * OpenAI-compatible servers speaking their real wire formats: a rate limit is waited out
 * and retried; a run of overloaded or server errors fails the job with a reason the
 * author can read and moves its message to the dead-letter queue; cancelling a running
 * job closes the provider's stream and runs no later step. The bible step goes to the
 * Anthropic fake, the synopsis step to the OpenAI-compatible one.
 */
@IntegrationTest(properties = { "LOG_FORMAT=text", "authorworks.ai.models.bible=anthropic:claude-fake-1",
		"authorworks.ai.models.synopsis=openai:gpt-fake-1",
		"authorworks.ai.prices[claude-fake-1]=" + ProviderFailureIntegrationTests.CLAUDE_FAKE_PRICE,
		"authorworks.ai.retry.max-attempts=3", "authorworks.ai.retry.initial-backoff=50ms",
		"authorworks.ai.retry.max-backoff=200ms", "authorworks.ai.retry.max-retry-after=3s" })
@DirtiesContext
class ProviderFailureIntegrationTests {

	static final String ANTHROPIC_KEY = "sk-ant-test-0123456789abcdef";

	static final String OPENAI_KEY = "sk-test-openai-0123456789abcdef";

	/**
	 * The Anthropic fake's model is priced like a mid-range model, so quotes have a cost.
	 */
	static final String CLAUDE_FAKE_PRICE = "3.00/15.00 USD";

	static final TestIssuer issuer = new TestIssuer();

	static final FakeAnthropicServer anthropic = FakeAnthropicServer.start();

	static final FakeOpenAiServer openai = FakeOpenAiServer.start();

	static ContentServiceProcess contentService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@DynamicPropertySource
	static void providers(DynamicPropertyRegistry registry) {
		registry.add("authorworks.ai.anthropic.base-url", anthropic::baseUrl);
		registry.add("authorworks.ai.openai.base-url", openai::baseUrl);
	}

	@BeforeAll
	static void startContentService() {
		// Configured like the worker, so that its quotes are for the models the worker
		// calls.
		String routes = ContentApi.JSON.writeValueAsString(Map.of("authorworks.ai.models.bible",
				"anthropic:claude-fake-1", "authorworks.ai.models.synopsis", "openai:gpt-fake-1",
				"authorworks.ai.prices[claude-fake-1]", CLAUDE_FAKE_PRICE, "authorworks.ai.anthropic.base-url",
				anthropic.baseUrl(), "authorworks.ai.openai.base-url", openai.baseUrl()));
		contentService = ContentServiceProcess.contentService(issuer.jwksUri(), Map.of("ANTHROPIC_API_KEY",
				ANTHROPIC_KEY, "OPENAI_API_KEY", OPENAI_KEY, "SPRING_APPLICATION_JSON", routes));
	}

	@AfterAll
	static void stop() {
		if (contentService != null) {
			contentService.close();
		}
		anthropic.close();
		openai.close();
	}

	@Test
	void anthropicRateLimitIsWaitedOutAndRetried() {
		ContentApi ada = author();
		String book = ada.newBook("The Tidewater Ledger");
		int before = anthropic.requests().size();
		anthropic.enqueue(Reply.rateLimited(1), Reply.text("A quiet harbour town keeps a ledger of the drowned."));

		String job = ada.startJob(book, bibleRequest());
		JsonNode done = ada.awaitJobEnd(job);

		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
		List<RecordedRequest> calls = anthropic.requests().subList(before, anthropic.requests().size());
		assertThat(calls).hasSize(2);
		assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body());
		// The configured key reached the provider (the SDK decides which header carries
		// it).
		assertThat(calls.get(0).headers().toString()).contains(ANTHROPIC_KEY);
		JsonNode step = done.get("steps").get(0);
		assertThat(step.get("attempts").asInt()).isEqualTo(1);
		assertThat(step.get("provider").asString()).isEqualTo("anthropic");
		// The usage recorded is the usage the fake reported.
		assertThat(usage(job)).containsExactly((long) anthropic.tokenizer().countPrompt(calls.get(1).promptTexts()),
				(long) anthropic.tokenizer().count("A quiet harbour town keeps a ledger of the drowned."));
	}

	@Test
	void anthropicOverloadedRunFailsTheJobAndDeadLettersItsMessage() {
		ContentApi ada = author();
		String book = ada.newBook("The Salt Choir");
		int before = anthropic.requests().size();
		anthropic.enqueue(Reply.overloaded(), Reply.overloaded(), Reply.overloaded());

		String job = ada.startJob(book, bibleRequest());
		JsonNode done = ada.awaitJobEnd(job);

		assertThat(anthropic.requests().size() - before).isEqualTo(3);
		assertFailedReadably(done, ANTHROPIC_KEY);
		assertDeadLettered(job, done.get("problem").get("detail").asString());
	}

	@Test
	void openAiRateLimitIsWaitedOutAndRetried() {
		ContentApi ada = author();
		String book = bookWithBible(ada, "The Lantern Fair");
		int before = openai.requests().size();
		openai.enqueue(Reply.rateLimited(1), Reply.text("Two sisters run a travelling fair that only opens at dusk."));

		String job = ada.startJob(book, Map.of("kind", "synopsis"));
		JsonNode done = ada.awaitJobEnd(job);

		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
		List<RecordedRequest> calls = openai.requests().subList(before, openai.requests().size());
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0).header("authorization")).isEqualTo("Bearer " + OPENAI_KEY);
		assertThat(done.get("steps").get(0).get("provider").asString()).isEqualTo("openai");
		assertThat(usage(job)).containsExactly((long) openai.tokenizer().countPrompt(calls.get(1).promptTexts()),
				(long) openai.tokenizer().count("Two sisters run a travelling fair that only opens at dusk."));
	}

	@Test
	void openAiServerErrorRunFailsTheJobAndDeadLettersItsMessage() {
		ContentApi ada = author();
		String book = bookWithBible(ada, "The Glass Orchard");
		int before = openai.requests().size();
		openai.enqueue(Reply.serverError(), Reply.error(502, "api_error", "Bad gateway"),
				Reply.error(503, "api_error", "Service unavailable"));

		String job = ada.startJob(book, Map.of("kind", "synopsis"));
		JsonNode done = ada.awaitJobEnd(job);

		assertThat(openai.requests().size() - before).isEqualTo(3);
		assertFailedReadably(done, OPENAI_KEY);
		assertDeadLettered(job, done.get("problem").get("detail").asString());
	}

	@Test
	void cancellingARunningJobClosesTheProviderStreamAndRunsNoLaterStep() {
		ContentApi ada = author();
		String book = ada.newBook("The Long Crossing");
		int anthropicBefore = anthropic.requests().size();
		int openAiBefore = openai.requests().size();
		int disconnectsBefore = anthropic.disconnects();
		anthropic.enqueue(Reply.text("The ferry left at dawn and never reached the far shore. ".repeat(60))
			.withChunkDelay(Duration.ofMillis(50)));

		String job = ada.startJob(book,
				Map.of("kind", "full-book", "params",
						Map.of("premise", "A ferry that crosses a lake every day is one day lost for a year.",
								"chapters", 2, "targetWords", 300)));
		await().atMost(Duration.ofSeconds(60)).until(() -> anthropic.requests().size() > anthropicBefore);
		// Let some of the text stream first.
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		ContentApi.Response cancel = ada.post("/content/generation/jobs/" + job + "/cancel", null, Map.of());
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);

		JsonNode done = ada.awaitJobEnd(job);
		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("cancelled");
		await().atMost(Duration.ofSeconds(10)).until(() -> anthropic.disconnects() > disconnectsBefore);
		assertThat(anthropic.requests().size() - anthropicBefore).isEqualTo(1);
		assertThat(openai.requests().size()).isEqualTo(openAiBefore);
		assertThat(this.jdbc
			.sql("select count(*) from generation_steps where job_id = :job "
					+ "and (state = 'succeeded' or (index > 0 and started_at is not null))")
			.param("job", UUID.fromString(job))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theWholeQuoteIsWithinThirtyPercentOfTheUsageTheProviderReports() {
		ContentApi ada = author();
		String book = ada.newBook("The Lamp Room");
		String premise = "A lighthouse keeper finds letters from her missing sister in the lamp room.";
		// A realistic answer: a whole story bible as JSON, as the offline generator
		// writes it for this premise (not an answer sized to the quote).
		String answer = new OfflineGenerator().write(GenerationRequest.builder(OfflineGenerator.MODEL)
			.user("-")
			.task(new GenerationTask.BibleFromPremise("The Lamp Room", premise, List.of(), ""))
			.seed(7)
			.build());
		int before = anthropic.requests().size();
		anthropic.enqueue(Reply.text(answer).withWordsPerChunk(20));

		String job = ada.startJob(book, Map.of("kind", "bible", "params", Map.of("premise", premise)));
		JsonNode done = ada.awaitJobEnd(job);

		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
		JsonNode quote = done.get("quote").get("total");
		assertThat(quote.get("model").asString()).isEqualTo("claude-fake-1");
		RecordedRequest call = anthropic.requests().get(before);
		long reportedInput = anthropic.tokenizer().countPrompt(call.promptTexts());
		long reportedOutput = anthropic.tokenizer().count(answer);
		assertThat(usage(job)).containsExactly(reportedInput, reportedOutput);
		// The prompt is known before the job starts, and the answer's length follows from
		// the sizes the prompt asks for, so the whole quote must hold.
		QuoteAccuracy.assertWithinThirtyPercent("bible (anthropic fake)", quote,
				QuoteAccuracy.Used.byJob(this.jdbc, job));
	}

	private void assertFailedReadably(JsonNode done, String key) {
		assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("failed");
		String detail = done.get("problem").get("detail").asString();
		assertThat(detail).isNotBlank()
			.doesNotContain(key)
			.doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContain("io.authorworks");
		assertThat(done.toString()).doesNotContain(key);
	}

	/**
	 * Finds the job's message in the dead-letter queue and takes it; other messages go
	 * back (the broker is shared with other test runs).
	 */
	private void assertDeadLettered(String job, String reason) {
		Optional<Map<String, Object>> headers = Optional.empty();
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (headers.isEmpty() && System.nanoTime() < deadline) {
			headers = this.rabbit.execute((channel) -> {
				List<Long> others = new ArrayList<>();
				Optional<Map<String, Object>> found = Optional.empty();
				try {
					GetResponse response;
					while (found.isEmpty() && (response = channel.basicGet("content_generation.dlq", false)) != null) {
						Map<String, Object> h = response.getProps().getHeaders();
						if (h != null && job.equals(String.valueOf(h.get("x-job-id")))) {
							channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
							assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).contains(job);
							found = Optional.of(h);
						}
						else {
							others.add(response.getEnvelope().getDeliveryTag());
						}
					}
				}
				finally {
					for (long tag : others) {
						channel.basicNack(tag, false, true);
					}
				}
				return found;
			});
			if (headers.isEmpty()) {
				pause();
			}
		}
		assertThat(headers).as("the job's message in content_generation.dlq").isPresent();
		assertThat(String.valueOf(headers.get().get("x-exception-message"))).isEqualTo(reason);
		assertThat(String.valueOf(headers.get().get("x-original-queue"))).isEqualTo("content_generation");
	}

	private List<Long> usage(String job) {
		return this.jdbc.sql("select input_tokens, output_tokens from generation_usage where job_id = :job")
			.param("job", UUID.fromString(job))
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Map<String, Object> bibleRequest() {
		return Map.of("kind", "bible", "params",
				Map.of("premise", "A lighthouse keeper finds letters from her missing sister in the lamp room."));
	}

	/** A book whose bible was generated (through the Anthropic fake's default answer). */
	static String bookWithBible(ContentApi api, String title) {
		String book = api.newBook(title);
		JsonNode bible = api.awaitJobEnd(api.startJob(book, bibleRequest()));
		assertThat(bible.get("state").asString()).as(bible.toString()).isEqualTo("succeeded");
		return book;
	}

	static ContentApi author() {
		return new ContentApi(contentService.baseUrl(),
				issuer.userToken(UUID.randomUUID(), "ada", List.of("reader", "author")));
	}

	/** The providers' API keys, which the application reads from the environment. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Keys {

		@Bean
		ContentAi contentAi(AiProperties properties) {
			Map<String, String> env = Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY, "OPENAI_API_KEY", OPENAI_KEY);
			return ContentAi.from(properties, env::get, Clock.systemUTC());
		}

	}

}
