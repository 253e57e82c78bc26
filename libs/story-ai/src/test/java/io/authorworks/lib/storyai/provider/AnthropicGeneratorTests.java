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
import io.authorworks.testing.llm.FakeAnthropicServer;
import io.authorworks.testing.llm.RecordedRequest;
import io.authorworks.testing.llm.Reply;
import io.authorworks.lib.storyai.retry.RecordingSleeper;
import io.authorworks.lib.storyai.retry.RetryPolicy;
import io.authorworks.lib.storyai.retry.RetryingGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AnthropicGeneratorTests {

	private static final String KEY = "sk-ant-test-0123456789abcdef";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

	private final FakeAnthropicServer fake = FakeAnthropicServer.start();

	private AnthropicGenerator generator;

	private final RecordingSleeper sleeper = new RecordingSleeper();

	@BeforeEach
	void createGenerator() {
		// Generous timeouts: on a loaded machine a cold first call took over 5 s, timed
		// out,
		// was retried and met the fake's default reply. Tests of time-outs build their
		// own.
		this.generator = AnthropicGenerator.create(this.fake.baseUrl(), KEY, Duration.ofSeconds(60),
				Duration.ofSeconds(30), CLOCK);
	}

	@AfterEach
	void stopFake() {
		this.fake.close();
	}

	private RetryingGenerator retrying(int attempts) {
		return new RetryingGenerator(this.generator,
				new RetryPolicy(attempts, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60)),
				this.sleeper, new SplittableRandom(7), null);
	}

	private static GenerationRequest rewrite(CancellationToken token) {
		return GenerationRequest.builder("claude-sonnet-5-5")
			.system("You are a careful line editor. Keep the author's voice.")
			.user("Rewrite: The rain did not stop. Mara watched the sea.")
			.maxOutputTokens(400)
			.cancellation(token)
			.build();
	}

	@Test
	void streamsARewriteAndReportsTheProvidersUsage() {
		String rewritten = "Rain kept falling, and Mara kept watching the grey sea fold against the rocks.";
		this.fake.enqueue(Reply.text(rewritten).withWordsPerChunk(2));
		RecordingSink sink = new RecordingSink();

		GenerationResult result = this.generator.generate(rewrite(CancellationToken.create()), sink);

		assertThat(result.text()).isEqualTo(rewritten);
		assertThat(sink.deltas).hasSizeGreaterThan(3);
		assertThat(sink.text()).isEqualTo(rewritten);
		assertThat(result.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(result.model()).isEqualTo("claude-sonnet-5-5");
		assertThat(result.offline()).isFalse();
		RecordedRequest request = this.fake.requests().getFirst();
		assertThat(result.usage().inputTokens()).isEqualTo(this.fake.tokenizer().countPrompt(request.promptTexts()));
		assertThat(result.usage().outputTokens()).isEqualTo(this.fake.tokenizer().count(rewritten));
		assertThat(result.usage().estimated()).isFalse();
		assertThat(request.stream()).isTrue();
		assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.body().path("system").asString()).startsWith("You are a careful line editor");
		assertThat(request.body().path("max_tokens").asInt()).isEqualTo(400);
	}

	@Test
	void rateLimitThenSuccessWaitsWhatRetryAfterSays() {
		this.fake.enqueue(Reply.rateLimited(2), Reply.text("Second time lucky."));
		RecordingSink sink = new RecordingSink();

		GenerationResult result = retrying(4).generate(rewrite(CancellationToken.create()), sink);

		assertThat(result.text()).isEqualTo("Second time lucky.");
		assertThat(this.sleeper.sleeps).containsExactly(Duration.ofSeconds(2));
		assertThat(this.fake.requests()).hasSize(2);
	}

	@Test
	void retryAfterAsAnHttpDateIsHonoured() {
		this.fake.enqueue(Reply.rateLimited(0).withHeader("retry-after", "Fri, 27 Nov 2026 10:00:07 GMT"),
				Reply.text("ok"));

		retrying(2).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE);

		assertThat(this.sleeper.sleeps).hasSize(1);
		assertThat(this.sleeper.sleeps.getFirst()).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(7));
	}

	@Test
	void aRunOfOverloadsEndsInAPermanentFailureWithAReadableReason() {
		for (int i = 0; i < 6; i++) {
			this.fake.enqueue(Reply.overloaded());
		}

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FailureKind.OVERLOADED);
				assertThat(ex.retriesExhausted()).isTrue();
				assertThat(ex.attempts()).isEqualTo(4);
				assertThat(ex.userMessage()).isEqualTo(
						"The AI provider is overloaded right now. We tried 4 times and gave up; please try again later.");
				assertThat(ex.getStackTrace()).isEmpty();
			});
		assertThat(this.fake.requests()).hasSize(4);
		assertThat(this.sleeper.sleeps).hasSize(3)
			.allSatisfy((sleep) -> assertThat(sleep).isBetween(Duration.ZERO, Duration.ofSeconds(2)));
	}

	@Test
	void anInvalidRequestFailsAtOnceWithTheProvidersReason() {
		this.fake.enqueue(Reply.error(400, "invalid_request_error", "max_tokens: must be at most 128000"));

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
				assertThat(ex.retriesExhausted()).isFalse();
				assertThat(ex.userMessage()).contains("max_tokens: must be at most 128000")
					.contains("[anthropic HTTP 400]");
			});
		assertThat(this.fake.requests()).hasSize(1);
		assertThat(this.sleeper.sleeps).isEmpty();
	}

	@Test
	void aPromptTooLongIsAPermanentContextFailure() {
		this.fake
			.enqueue(Reply.error(400, "invalid_request_error", "prompt is too long: 210000 tokens > 200000 maximum"));

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.CONTEXT_TOO_LONG));
	}

	@Test
	void badCredentialsNeverEchoTheKey() {
		this.fake.enqueue(Reply.error(401, "authentication_error", "invalid x-api-key " + KEY));

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(FailureKind.AUTHENTICATION);
				assertThat(ex.userMessage()).doesNotContain(KEY).doesNotContain("sk-ant");
			});
		assertThat(this.fake.requests()).hasSize(1);
	}

	@Test
	void aSpendLimitRateLimitIsNotRetried() {
		this.fake.enqueue(Reply.error(429, "rate_limit_error", "You have reached your spend limit")
			.withErrorCode("enforced_spend_limit_reached"));

		assertThatExceptionOfType(PermanentAiException.class)
			.isThrownBy(() -> retrying(4).generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.QUOTA_EXCEEDED));
		assertThat(this.fake.requests()).hasSize(1);
	}

	@Test
	void anOverloadInsideTheStreamIsTransientAndRestartsTheSink() {
		this.fake.enqueue(Reply.text("one two three four five six").withErrorAfter(3, "overloaded_error", "Overloaded"),
				Reply.text("fresh start"));
		RecordingSink sink = new RecordingSink();

		GenerationResult result = retrying(3).generate(rewrite(CancellationToken.create()), sink);

		assertThat(result.text()).isEqualTo("fresh start");
		assertThat(sink.restarts).isEqualTo(1);
		assertThat(sink.text()).isEqualTo("fresh start");
	}

	@Test
	void aStreamCutByAnErrorEventIsClassified() {
		this.fake.enqueue(Reply.text("one two three").withErrorAfter(1, "overloaded_error", "Overloaded"));

		assertThatExceptionOfType(TransientAiException.class)
			.isThrownBy(() -> this.generator.generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.OVERLOADED));
	}

	@Test
	void cancellingMidStreamClosesTheConnection() throws Exception {
		String longText = "word ".repeat(400);
		this.fake.enqueue(Reply.text(longText).withChunkDelay(Duration.ofMillis(20)));
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
		assertThat(sink.deltas.size()).isLessThan(400);
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
	void anUnreachableProviderIsATransientConnectionFailure() {
		AnthropicGenerator nowhere = AnthropicGenerator.create("http://127.0.0.1:1", KEY, Duration.ofSeconds(2),
				Duration.ofSeconds(2), CLOCK);

		assertThatExceptionOfType(TransientAiException.class)
			.isThrownBy(() -> nowhere.generate(rewrite(CancellationToken.create()), TokenSink.IGNORE))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isIn(FailureKind.CONNECTION, FailureKind.TIMEOUT);
				assertThat(ex.userMessage()).doesNotContain(KEY);
			});
	}

}
