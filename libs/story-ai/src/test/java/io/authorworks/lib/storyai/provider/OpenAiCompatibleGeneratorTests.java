package io.authorworks.lib.storyai.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.FailureKind;
import io.authorworks.lib.storyai.GenerationCancelledException;
import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.PermanentAiException;
import io.authorworks.lib.storyai.RecordingSink;
import io.authorworks.lib.storyai.StopReason;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.TransientAiException;
import io.authorworks.lib.storyai.cost.HeuristicTokenEstimator;
import io.authorworks.testing.llm.FakeOpenAiServer;
import io.authorworks.testing.llm.RecordedRequest;
import io.authorworks.testing.llm.Reply;
import io.authorworks.lib.storyai.retry.RecordingSleeper;
import io.authorworks.lib.storyai.retry.RetryPolicy;
import io.authorworks.lib.storyai.retry.RetryingGenerator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OpenAiCompatibleGeneratorTests {

	private static final String KEY = "sk-proj-test0123456789abcdefghij";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

	private final FakeOpenAiServer fake = FakeOpenAiServer.start();

	private final OpenAiCompatibleGenerator generator = generator(this.fake.baseUrl(), KEY);

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@AfterEach
	void stopFake() {
		this.fake.close();
	}

	private static OpenAiCompatibleGenerator generator(String baseUrl, @Nullable String key) {
		return new OpenAiCompatibleGenerator(baseUrl, key, Duration.ofSeconds(2), Duration.ofSeconds(10),
				Duration.ofSeconds(5), "max_tokens", new HeuristicTokenEstimator(1.0), CLOCK);
	}

	private RetryingGenerator retrying(int attempts) {
		return new RetryingGenerator(this.generator,
				new RetryPolicy(attempts, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60)),
				this.sleeper, new SplittableRandom(7), null);
	}

	private static GenerationRequest rewrite(CancellationToken token) {
		return GenerationRequest.builder("llama3.1:8b")
			.system("You are a careful line editor. Keep the author's voice.")
			.user("Rewrite: The rain did not stop. Mara watched the sea.")
			.maxOutputTokens(400)
			.temperature(0.7)
			.cancellation(token)
			.build();
	}

	@Test
	void streamsARewriteAndReadsTheUsageChunk() {
		String rewritten = "Rain kept falling, and Mara kept watching the grey sea fold against the rocks.";
		this.fake.enqueue(Reply.text(rewritten));
		RecordingSink sink = new RecordingSink();

		GenerationResult result = this.generator.generate(rewrite(CancellationToken.create()), sink);

		assertThat(result.text()).isEqualTo(rewritten);
		assertThat(sink.deltas).hasSizeGreaterThan(5);
		assertThat(result.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(result.model()).isEqualTo("llama3.1:8b");
		RecordedRequest request = this.fake.requests().getFirst();
		assertThat(result.usage().inputTokens()).isEqualTo(this.fake.tokenizer().countPrompt(request.promptTexts()));
		assertThat(result.usage().outputTokens()).isEqualTo(this.fake.tokenizer().count(rewritten));
		assertThat(result.usage().estimated()).isFalse();
		assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.body().path("stream_options").path("include_usage").asBoolean()).isTrue();
		assertThat(request.body().path("messages").get(0).path("role").asString()).isEqualTo("system");
		assertThat(request.body().path("temperature").asDouble()).isEqualTo(0.7);
		assertThat(request.body().path("max_tokens").asInt()).isEqualTo(400);
	}

	@Test
	void aLocalServerNeedsNoKey() {
		OpenAiCompatibleGenerator local = generator(this.fake.baseUrl(), null);
		this.fake.enqueue(Reply.text("ok"));

		local.generate(rewrite(CancellationToken.create()), TokenSink.IGNORE);

		assertThat(this.fake.requests().getFirst().header("authorization")).isEmpty();
	}

	@Test
	void theLengthFinishReasonMeansTheTextIsCutOff() {
		this.fake.enqueue(Reply.text("and then").withStopReason("length"));

		GenerationResult result = this.generator.generate(rewrite(CancellationToken.create()), TokenSink.IGNORE);

		assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
	}

	@Test
	void rateLimitThenSuccessWaitsWhatRetryAfterMsSays() {
		this.fake.enqueue(Reply.rateLimited(20).withHeader("retry-after-ms", "1500"), Reply.text("Second time lucky."));

		GenerationResult result = retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE);

		assertThat(result.text()).isEqualTo("Second time lucky.");
		assertThat(this.sleeper.sleeps).containsExactly(Duration.ofMillis(1500));
	}

	@Test
	void rateLimitWithRetryAfterSecondsIsHonoured() {
		this.fake.enqueue(Reply.rateLimited(3), Reply.text("ok"));

		retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE);

		assertThat(this.sleeper.sleeps).containsExactly(Duration.ofSeconds(3));
	}

	@Test
	void aRetryAfterLongerThanThePolicyAllowsGivesUpAtOnce() {
		this.fake.enqueue(Reply.rateLimited(3600));

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FailureKind.RATE_LIMITED);
				assertThat(ex.retriesExhausted()).isTrue();
			});
		assertThat(this.sleeper.sleeps).isEmpty();
	}

	@Test
	void aRunOfServerErrorsEndsInAPermanentFailureWithAReadableReason() {
		for (int i = 0; i < 5; i++) {
			this.fake
				.enqueue(i % 2 == 0 ? Reply.serverError() : Reply.error(503, "server_error", "Service Unavailable"));
		}

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(3).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FailureKind.SERVER_ERROR);
				assertThat(ex.userMessage()).isEqualTo(
						"The AI provider had an internal error. We tried 3 times and gave up; please try again later.");
			});
		assertThat(this.fake.requests()).hasSize(3);
	}

	@Test
	void insufficientQuotaIsPermanentDespiteThe429() {
		this.fake.enqueue(Reply.error(429, "insufficient_quota", "You exceeded your current quota")
			.withErrorCode("insufficient_quota"));

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.QUOTA_EXCEEDED));
		assertThat(this.fake.requests()).hasSize(1);
	}

	@Test
	void contextLengthExceededIsPermanent() {
		this.fake.enqueue(Reply.error(400, "invalid_request_error",
				"This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.")
			.withErrorCode("context_length_exceeded"));

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FailureKind.CONTEXT_TOO_LONG);
				assertThat(ex.type().status()).isEqualTo(422);
			});
	}

	@Test
	void anUnknownModelIsAConfigurationProblem() {
		this.fake.enqueue(Reply.error(404, "invalid_request_error", "The model `gpt-9` does not exist")
			.withErrorCode("model_not_found"));

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
				assertThat(ex.userMessage()).contains("llama3.1:8b");
			});
	}

	@Test
	void anIncorrectKeyIsNeverEchoed() {
		this.fake.enqueue(Reply.error(401, "invalid_request_error",
				"Incorrect API key provided: " + KEY + ". You can find your API key at the dashboard."));

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FailureKind.AUTHENTICATION);
				assertThat(ex.userMessage()).doesNotContain(KEY).doesNotContain("sk-");
			});
	}

	@Test
	void anErrorInsideTheStreamIsTransient() {
		this.fake.enqueue(Reply.text("one two three four").withErrorAfter(2, "server_error", "The server had an error"),
				Reply.text("fresh start"));
		RecordingSink sink = new RecordingSink();

		GenerationResult result = retrying(3).generate(rewrite(CancellationToken.create()), sink);

		assertThat(result.text()).isEqualTo("fresh start");
		assertThat(sink.restarts).isEqualTo(1);
		assertThat(sink.text()).isEqualTo("fresh start");
	}

	@Test
	void cancellingMidStreamClosesTheConnection() throws Exception {
		this.fake.enqueue(Reply.text("word ".repeat(400)).withChunkDelay(Duration.ofMillis(20)));
		CancellationToken token = CancellationToken.create();
		RecordingSink sink = new RecordingSink();

		CompletableFuture<GenerationResult> call = CompletableFuture
			.supplyAsync(() -> this.generator.generate(rewrite(token), sink));
		assertThat(sink.firstDelta.await(5, TimeUnit.SECONDS)).isTrue();
		long cancelledAt = System.nanoTime();
		token.cancel();

		assertThatExceptionOfType(Exception.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(GenerationCancelledException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(1));
		assertThat(this.fake.awaitDisconnect(Duration.ofSeconds(5))).isTrue();
		assertThat(this.fake.completedStreams()).isZero();
	}

	@Test
	void cancellingBeforeTheResponseStartsAbortsTheCall() throws Exception {
		this.fake.enqueue(Reply.text("late").withHeaderDelay(Duration.ofSeconds(3)));
		CancellationToken token = CancellationToken.create();

		CompletableFuture<GenerationResult> call = CompletableFuture
			.supplyAsync(() -> this.generator.generate(rewrite(token), TokenSink.IGNORE));
		Thread.sleep(300);
		long cancelledAt = System.nanoTime();
		token.cancel();

		assertThatExceptionOfType(Exception.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(GenerationCancelledException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void aStalledStreamTimesOutAsTransient() {
		OpenAiCompatibleGenerator impatient = new OpenAiCompatibleGenerator(this.fake.baseUrl(), KEY,
				Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMillis(300), "max_tokens",
				new HeuristicTokenEstimator(1.0), CLOCK);
		this.fake.enqueue(Reply.text("slow words here").withChunkDelay(Duration.ofSeconds(2)));

		assertThatExceptionOfType(TransientAiException.class)
			.isThrownBy(() -> impatient.generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.TIMEOUT));
	}

	@Test
	void anUnreachableServerIsATransientConnectionFailure() {
		OpenAiCompatibleGenerator nowhere = generator("http://127.0.0.1:1/v1", KEY);

		assertThatExceptionOfType(TransientAiException.class)
			.isThrownBy(() -> nowhere.generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.CONNECTION));
	}

}
