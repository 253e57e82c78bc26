package io.authorworks.lib.storyai.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.PermanentAiException;
import io.authorworks.lib.storyai.RecordingSink;
import io.authorworks.lib.storyai.Step;
import io.authorworks.lib.storyai.StoryFixtures;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.Usage;
import io.authorworks.lib.storyai.cost.Money;
import io.authorworks.lib.storyai.cost.PriceTable;
import io.authorworks.lib.storyai.cost.Quote;
import io.authorworks.lib.storyai.cost.TokenEstimator;
import io.authorworks.testing.llm.FakeAnthropicServer;
import io.authorworks.testing.llm.FakeLlmServer;
import io.authorworks.testing.llm.FakeOpenAiServer;
import io.authorworks.testing.llm.Reply;
import io.authorworks.lib.storyai.offline.OfflineGenerator;
import io.authorworks.lib.storyai.prompt.PromptLibrary;
import io.authorworks.lib.storyai.retry.RecordingSleeper;
import io.authorworks.lib.storyai.retry.RetryPolicy;
import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.Texts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContentAiTests {

	private static final Map<String, String> PRICES = Map.of("claude-sonnet-5-5", "2.00/10.00 USD", "claude-haiku-4-5",
			"1.00/5.00 USD", "claude-opus-5-5", "4.00/20.00 USD");

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private ContentAi anthropic(FakeLlmServer fake) {
		AiProperties properties = properties(
				Map.of("default", "anthropic:claude-sonnet-5-5", "chapter-summary", "anthropic:claude-haiku-4-5"),
				new AiProperties.Anthropic(fake.baseUrl()), new AiProperties.OpenAi(null, "max_tokens"));
		return build(properties, Map.of("ANTHROPIC_API_KEY", "sk-ant-test"));
	}

	private ContentAi openAi(FakeLlmServer fake) {
		AiProperties properties = properties(Map.of("default", "openai:llama3.1:8b"), new AiProperties.Anthropic(null),
				new AiProperties.OpenAi(fake.baseUrl(), "max_tokens"));
		return build(properties, Map.of());
	}

	private static AiProperties properties(Map<String, String> models, AiProperties.Anthropic anthropic,
			AiProperties.OpenAi openai) {
		return new AiProperties(models, List.of(), anthropic, openai, PRICES, Map.of("default", 24_000),
				new AiProperties.Retry(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60)),
				Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(10));
	}

	private ContentAi build(AiProperties properties, Map<String, String> env) {
		Generators generators = Generators.from(properties, env::get, Clock.systemUTC());
		return new ContentAi(generators, new ModelRouter(properties.models(), properties.fallback(), generators),
				PromptLibrary.current(), PriceTable.parse(properties.prices()), properties.contextBudget(),
				new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60)), this.sleeper,
				new SplittableRandom(1));
	}

	private ContentAi offline() {
		return build(properties(Map.of("default", "anthropic:claude-sonnet-5-5"), new AiProperties.Anthropic(null),
				new AiProperties.OpenAi(null, "max_tokens")), Map.of());
	}

	private static GenerationTask.SelectionEdit rewrite(String selection) {
		return new GenerationTask.SelectionEdit(Step.REWRITE, selection, StoryFixtures.SAMPLE, "", "",
				StoryFixtures.lighthouseBible());
	}

	@Test
	void aStreamedRewriteIsPricedFromTheReportedUsage() {
		try (FakeAnthropicServer fake = FakeAnthropicServer.start()) {
			fake.enqueue(Reply.rateLimited(1), Reply.text("The letter came on a Tuesday, the only ordinary thing."));
			ContentAi ai = anthropic(fake);
			RecordingSink sink = new RecordingSink();

			PreparedCall call = ai.prepare(rewrite("The letter came on a Tuesday."), 1, CancellationToken.create());
			StepOutcome outcome = ai.run(call, sink);

			assertThat(call.route()).hasToString("anthropic:claude-sonnet-5-5");
			assertThat(call.templateId()).isEqualTo("rewrite@v2");
			assertThat(sink.text()).isEqualTo(outcome.text());
			assertThat(outcome.text()).isEqualTo("The letter came on a Tuesday, the only ordinary thing.");
			assertThat(this.sleeper.sleeps).containsExactly(Duration.ofSeconds(1));
			Usage usage = outcome.result().usage();
			long expectedMicros = Math.ceilDiv(usage.inputTokens() * 2_000_000, 1_000_000)
					+ Math.ceilDiv(usage.outputTokens() * 10_000_000, 1_000_000);
			assertThat(outcome.cost()).isEqualTo(new Money(expectedMicros, "USD"));
			String prompt = fake.requests().getLast().lastUserText();
			assertThat(prompt).contains("Rewrite this passage")
				.contains("The letter came on a Tuesday.")
				.contains("Mara Voss");
		}
	}

	@Test
	void overloadsUntilTheLimitFailWithAReadableReason() {
		try (FakeAnthropicServer fake = FakeAnthropicServer.start()) {
			fake.defaultReply((request) -> Reply.overloaded());
			ContentAi ai = anthropic(fake);
			PreparedCall call = ai.prepare(rewrite("Rain."), 1, CancellationToken.create());

			assertThatExceptionOfType(PermanentAiException.class).isThrownBy(() -> ai.run(call, TokenSink.IGNORE))
				.satisfies((ex) -> assertThat(ex.userMessage()).startsWith("The AI provider is overloaded right now.")
					.contains("4 times"));
			assertThat(fake.requests()).hasSize(4);
		}
	}

	@Test
	void unusableModelJsonFallsBackToTheOfflineOutline() {
		try (FakeOpenAiServer fake = FakeOpenAiServer.start()) {
			fake.enqueue(Reply.text("Sure! Chapter 1 is where it all begins, and then things happen."));
			ContentAi ai = openAi(fake);
			PreparedCall call = ai.prepare(
					new GenerationTask.OutlineBook(StoryFixtures.lighthouseBible(), 4, "three-act"), 5,
					CancellationToken.create());

			StepOutcome outcome = ai.run(call, TokenSink.IGNORE);

			assertThat(outcome.fellBack()).isTrue();
			assertThat(outcome.repairs().getFirst()).startsWith("fell back to the offline generator");
			assertThat(outcome.outline().chapters()).hasSize(4);
			assertThat(outcome.outline().structure()).isEqualTo("three-act");
		}
	}

	@Test
	void aModelsJsonOutlineIsParsed() {
		try (FakeOpenAiServer fake = FakeOpenAiServer.start()) {
			fake.enqueue(Reply
				.text("```json\n{\"structure\":\"three-act\",\"chapters\":[{\"number\":1,\"title\":\"The Letter\","
						+ "\"summary\":\"Mara learns.\",\"pov\":\"Mara Voss\",\"beats\":[{\"title\":\"News\",\"description\":\"Tobias brings it.\"}]}]}\n```"));
			ContentAi ai = openAi(fake);

			StepOutcome outcome = ai
				.run(ai.prepare(new GenerationTask.OutlineBook(StoryFixtures.lighthouseBible(), 1, ""), 5,
						CancellationToken.create()), TokenSink.IGNORE);

			assertThat(outcome.fellBack()).isFalse();
			assertThat(outcome.outline().chapters().getFirst().title()).isEqualTo("The Letter");
			assertThat(fake.requests().getFirst().lastUserText()).contains("exactly 1 chapters").contains("three-act");
		}
	}

	@Test
	void writesAWholeBookOfflineFromAPremise() {
		ContentAi ai = offline();
		CancellationToken token = CancellationToken.create();
		String premise = "When Mara Voss learns that Admiral Hale lied about the wreck of the Petrel, she sails to "
				+ "Port Ansel with her friend Tobias to uncover the truth.";

		StepOutcome bible = ai.run(
				ai.prepare(new GenerationTask.BibleFromPremise("", premise, List.of(), ""), 7, token),
				TokenSink.IGNORE);
		StoryBible storyBible = bible.bible();
		StepOutcome outline = ai
			.run(ai.prepare(new GenerationTask.OutlineBook(storyBible, 5, "save-the-cat"), 7, token), TokenSink.IGNORE);
		StepOutcome synopsis = ai.run(ai.prepare(new GenerationTask.Synopsis(storyBible, outline.outline()), 7, token),
				TokenSink.IGNORE);
		List<ChapterSummary> summaries = new ArrayList<>();
		String previous = "";
		for (ChapterOutline chapter : outline.outline().chapters()) {
			ChapterPlan plan = ai.run(ai.prepare(
					new GenerationTask.PlanChapter(storyBible, outline.outline(), chapter, summaries, previous), 7,
					token), TokenSink.IGNORE)
				.chapterPlan();
			String prose = ai.run(ai.prepare(new GenerationTask.DraftChapter(storyBible, outline.outline(), chapter,
					plan, summaries, previous, 400), 7, token), TokenSink.IGNORE)
				.text();
			String summary = ai
				.run(ai.prepare(new GenerationTask.SummarizeChapter(chapter.number(), chapter.title(), prose), 7,
						token), TokenSink.IGNORE)
				.text();
			assertThat(prose).contains(chapter.pov());
			assertThat(summary).isNotBlank();
			summaries.add(new ChapterSummary(chapter.number(), chapter.title(), summary));
			previous = prose;
		}

		assertThat(bible.result().offline()).isTrue();
		assertThat(bible.fellBack()).isFalse();
		assertThat(storyBible.characters()).extracting((c) -> c.name()).contains("Mara Voss", "Admiral Hale");
		assertThat(outline.outline().chapters()).hasSize(5);
		assertThat(synopsis.text()).contains("Mara Voss");
		assertThat(summaries).hasSize(5);
		assertThat(bible.quote().cost()).isEqualTo(Money.zero("USD"));
		assertThat(bible.cost().micros()).isZero();
	}

	@Test
	void theChapterPromptCarriesContinuityWithinTheBudget() {
		ContentAi ai = offline();
		Outline outline = StoryFixtures.lighthouseOutline();
		ChapterOutline chapter = outline.chapter(3).orElseThrow();

		PreparedCall call = ai.prepare(new GenerationTask.DraftChapter(StoryFixtures.lighthouseBible(), outline,
				chapter, new ChapterPlan(3, chapter.title(), List.of()), StoryFixtures.lighthouseSummaries(),
				StoryFixtures.CHAPTER_ONE, 2000), 1, CancellationToken.create());

		GenerationRequest request = call.request();
		assertThat(request.systemPrompt()).contains("You are a novelist").contains("Tense: past");
		assertThat(request.lastUserMessage()).contains("# Story so far")
			.contains("# End of the previous chapter")
			.contains("Tobias Wren")
			.doesNotContain("Inés Calder")
			.endsWith("Write chapter 3, \"The Archive\", scene by scene as planned, about 2000 words.");
		assertThat(request.maxOutputTokens()).isGreaterThan(2700);
		assertThat(call.quote().outputTokens()).isEqualTo(2700);
	}

	/**
	 * The quote is checked against usage a real BPE tokenizer counts in the fakes, for a
	 * streamed rewrite of a chapter-long selection (Anthropic) and for an 800-word
	 * chapter draft with its assembled context (OpenAI-compatible, a local model).
	 */
	@Test
	void quotesAreWithinThirtyPercentOfReportedUsage() {
		String selection = StoryFixtures.CHAPTER_ONE;
		String rewritten = new OfflineGenerator()
			.write(GenerationRequest.builder("x").user("x").task(rewrite(selection)).build());
		try (FakeAnthropicServer fake = FakeAnthropicServer.start()) {
			fake.enqueue(Reply.text(rewritten).withWordsPerChunk(3));
			ContentAi ai = anthropic(fake);
			PreparedCall call = ai.prepare(rewrite(selection), 1, CancellationToken.create());
			StepOutcome outcome = ai.run(call, TokenSink.IGNORE);
			assertWithinThirtyPercent("rewrite (anthropic)", call.quote(), outcome);
		}

		StoryBible bible = StoryFixtures.lighthouseBible();
		Outline outline = StoryFixtures.lighthouseOutline();
		ChapterOutline chapter = outline.chapter(3).orElseThrow();
		ChapterPlan plan = new ChapterPlan(3, chapter.title(),
				List.of(new io.authorworks.lib.storyai.story.ScenePlan("Night entry", "Mara Voss",
						"The Admiralty Archive", List.of("Mara Voss", "Tobias Wren"), "find the 1887 ledger",
						"a clerk on his rounds", "a torn-out page")));
		GenerationTask.DraftChapter draft = new GenerationTask.DraftChapter(bible, outline, chapter, plan,
				StoryFixtures.lighthouseSummaries(), StoryFixtures.CHAPTER_ONE, 800);
		String prose = new OfflineGenerator()
			.write(GenerationRequest.builder("x").user("x").task(draft).seed(3).build());
		try (FakeOpenAiServer fake = FakeOpenAiServer.start()) {
			fake.enqueue(Reply.text(prose).withWordsPerChunk(5));
			ContentAi ai = openAi(fake);
			PreparedCall call = ai.prepare(draft, 3, CancellationToken.create());
			StepOutcome outcome = ai.run(call, TokenSink.IGNORE);
			assertThat(Texts.wordCount(outcome.text())).isBetween(600, 1000);
			assertWithinThirtyPercent("chapter draft (openai-compatible)", call.quote(), outcome);
		}
	}

	/**
	 * Each structured step's whole quote (prompt, answer, total and cost) against the
	 * usage a real tokenizer counts in the Anthropic fake. The fake answers what the
	 * offline generator writes for the same task: a realistic answer, not one sized to
	 * the quote.
	 */
	@Test
	void structuredQuotesAreWithinThirtyPercentOfRealisticAnswers() {
		StoryBible bible = StoryFixtures.lighthouseBible();
		Outline outline = StoryFixtures.lighthouseOutline();
		List<GenerationTask> tasks = List.of(
				new GenerationTask.BibleFromPremise("The Lamp Room",
						"A lighthouse keeper finds letters from her missing sister in the lamp room.", List.of(), ""),
				new GenerationTask.BibleFromPremise("",
						"When Mara Voss learns that Admiral Hale lied about the wreck of the Petrel, she sails to "
								+ "Port Ansel with her friend Tobias to uncover the truth.",
						List.of(), ""),
				// As a full-book job asks for it: before there is an outline.
				new GenerationTask.Synopsis(bible, new Outline("", List.of())),
				new GenerationTask.OutlineBook(bible, 12, "save-the-cat"),
				new GenerationTask.PlanChapter(bible, outline, outline.chapter(3).orElseThrow(),
						StoryFixtures.lighthouseSummaries(), StoryFixtures.CHAPTER_ONE),
				new GenerationTask.SummarizeChapter(1, "The Letter", StoryFixtures.CHAPTER_ONE));
		try (FakeAnthropicServer fake = FakeAnthropicServer.start()) {
			ContentAi ai = anthropic(fake);
			for (GenerationTask task : tasks) {
				String answer = new OfflineGenerator()
					.write(GenerationRequest.builder("x").user("x").task(task).seed(7).build());
				fake.enqueue(Reply.text(answer).withWordsPerChunk(20));
				PreparedCall call = ai.prepare(task, 7, CancellationToken.create());
				StepOutcome outcome = ai.run(call, TokenSink.IGNORE);
				assertThat(outcome.fellBack()).isFalse();
				assertWithinThirtyPercent(task.step().key() + " (anthropic)", call.quote(), outcome);
			}
		}
	}

	/**
	 * The expected answers are computed from the sizes the prompts ask for, so a prompt
	 * that asks for another size must come with another estimate.
	 */
	@Test
	void expectedAnswersUseTheSizesThePromptsAskFor() {
		PromptLibrary prompts = PromptLibrary.current();
		assertThat(prompt(prompts, Step.BIBLE)).contains(
				"Characters: a protagonist, an antagonist and an ally or mentor, then anyone else the premise names")
			.contains("\"genres\": [\"one or two\"]", "\"traits\": [\"two or three single words\"]")
			.contains("\"title\": \"a few words\"", "\"tone\": \"a few words\"", "\"pointOfView\": \"a few words\"",
					"\"voice\": \"a few words\"")
			.contains("\"samplePassage\": \"two or three sentences in that voice, about "
					+ ExpectedAnswers.BIBLE_SAMPLE_WORDS + " words\"")
			.contains("\"description\": \"one sentence, about " + ExpectedAnswers.BIBLE_DESCRIPTION_WORDS + " words\"")
			.contains("\"arc\": \"how they change, one sentence, about " + ExpectedAnswers.BIBLE_ARC_WORDS + " words\"")
			.contains("\"notes\": \"what the author should decide next, about " + ExpectedAnswers.BIBLE_NOTES_WORDS
					+ " words\"")
			.contains("Locations and lore: only the places and the things")
			.contains("\"aliases\": [\"only those the premise uses\"]");
		assertThat(ExpectedAnswers.BIBLE_CHARACTERS).isEqualTo(3);
		assertThat(ExpectedAnswers.BIBLE_GENRES).isEqualTo(1.5);
		assertThat(ExpectedAnswers.BIBLE_TRAITS).isEqualTo(2.5);
		assertThat(prompt(prompts, Step.SYNOPSIS)).contains("about " + ExpectedAnswers.SYNOPSIS_WORDS + " words");
		assertThat(prompt(prompts, Step.OUTLINE)).contains("Give every chapter two or three beats.")
			.contains("\"summary\": \"one sentence, about " + ExpectedAnswers.OUTLINE_SENTENCE_WORDS + " words\"")
			.contains("\"description\": \"what happens, one sentence, about " + ExpectedAnswers.OUTLINE_SENTENCE_WORDS
					+ " words\"")
			.contains("\"title\": \"a few words\"", "\"pov\": \"character name\"");
		assertThat(ExpectedAnswers.OUTLINE_BEATS).isEqualTo(2.5);
		assertThat(prompt(prompts, Step.CHAPTER_PLAN)).contains("Plan one scene for each of this chapter's beats")
			.contains("usually two or three people")
			.contains("\"goal\": \"one sentence, about " + ExpectedAnswers.PLAN_GOAL_WORDS + " words\"")
			.contains("\"conflict\": \"one sentence, about " + ExpectedAnswers.PLAN_CONFLICT_WORDS + " words\"")
			.contains("\"outcome\": \"one sentence, about " + ExpectedAnswers.PLAN_GOAL_WORDS + " words\"")
			.contains("\"title\": \"a few words\"", "\"location\": \"a few words\"");
		assertThat(ExpectedAnswers.PLAN_PEOPLE).isEqualTo(2.5);
		assertThat(prompt(prompts, Step.CHAPTER_SUMMARY)).contains("about " + ExpectedAnswers.SUMMARY_WORDS + " words");
	}

	private static String prompt(PromptLibrary prompts, Step step) {
		return prompts.template(step).system() + "\n" + prompts.template(step).user();
	}

	/**
	 * On seeded random books: an outline's expected answer depends only on its number of
	 * chapters and a plan's only on the chapter's beats, each adding the same amount; a
	 * bible's differs from book to book only by the premise it repeats; and the output
	 * limit stays at least twice the expected answer (up to the model's limit), which the
	 * quote never exceeds.
	 */
	@Test
	void expectedAnswersGrowWithWhatIsAskedAndStayWellBelowTheLimit() {
		ContentAi ai = offline();
		ModelRoute route = ai.route(Step.BIBLE);
		TokenEstimator estimator = TokenEstimator.forModel(route.provider(), route.model());
		Random random = new Random(11);
		Map<Integer, Long> outlines = new HashMap<>();
		Map<Integer, Long> plans = new HashMap<>();
		Long bibleBeyondPremise = null;
		for (int i = 0; i < 300; i++) {
			StoryFixtures.RandomBook book = StoryFixtures.randomBook(random, 1 + random.nextInt(12));
			int chapters = 1 + random.nextInt(200);
			List<GenerationTask> tasks = List
				.of(new GenerationTask.BibleFromPremise("", book.bible().premise(), List.of(), ""),
						new GenerationTask.Synopsis(book.bible(), book.outline()),
						new GenerationTask.OutlineBook(book.bible(), chapters, ""),
						new GenerationTask.PlanChapter(book.bible(), book.outline(), book.chapter(), book.summaries(),
								book.previousText()),
						new GenerationTask.SummarizeChapter(1, "One", book.previousText()));
			for (GenerationTask task : tasks) {
				long expected = ContentAi.expectedOutputTokens(task, estimator);
				int limit = ContentAi.maxOutputTokens(task, estimator);
				assertThat(expected).as(task.step().key()).isPositive();
				assertThat((long) limit).as(task.step().key()).isGreaterThanOrEqualTo(Math.min(32_000, 2 * expected));
				assertThat(ai.quote(task).outputTokens()).isEqualTo(Math.min(limit, expected));
			}
			outlines.merge(chapters, ContentAi.expectedOutputTokens(tasks.get(2), estimator), (a, b) -> {
				assertThat(b).as("the outline's answer does not depend on the book").isEqualTo(a);
				return a;
			});
			plans.merge(book.chapter().beats().size(), ContentAi.expectedOutputTokens(tasks.get(3), estimator),
					(a, b) -> {
						assertThat(b).as("the plan's answer depends on the beats only").isEqualTo(a);
						return a;
					});
			long beyondPremise = ContentAi.expectedOutputTokens(tasks.get(0), estimator)
					- estimator.estimate(book.bible().premise());
			if (bibleBeyondPremise == null) {
				bibleBeyondPremise = beyondPremise;
			}
			assertThat(beyondPremise).as("the bible beyond its premise")
				.isBetween(bibleBeyondPremise - 1, bibleBeyondPremise + 1);
		}
		assertGrowsEvenly(outlines);
		assertGrowsEvenly(plans);
	}

	/** Each further unit (chapter, beat) adds the same tokens, give or take rounding. */
	private static void assertGrowsEvenly(Map<Integer, Long> expected) {
		List<Map.Entry<Integer, Long>> points = expected.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.toList();
		assertThat(points).hasSizeGreaterThan(2);
		Map.Entry<Integer, Long> first = points.getFirst();
		Map.Entry<Integer, Long> last = points.getLast();
		double step = (last.getValue() - first.getValue()) / (double) (last.getKey() - first.getKey());
		assertThat(step).isPositive();
		for (Map.Entry<Integer, Long> point : points) {
			assertThat((double) point.getValue()).isCloseTo(first.getValue() + step * (point.getKey() - first.getKey()),
					org.assertj.core.data.Offset.offset(1.0));
		}
	}

	private static void assertWithinThirtyPercent(String label, Quote quote, StepOutcome outcome) {
		Usage usage = outcome.result().usage();
		assertThat(usage.estimated()).isFalse();
		double input = error(quote.inputTokens(), usage.inputTokens());
		double output = error(quote.outputTokens(), usage.outputTokens());
		double total = error(quote.inputTokens() + quote.outputTokens(), usage.totalTokens());
		System.out.printf("quote-vs-usage %s: input %d vs %d (%+.1f%%), output %d vs %d (%+.1f%%), total %+.1f%%%n",
				label, quote.inputTokens(), usage.inputTokens(), input * 100, quote.outputTokens(),
				usage.outputTokens(), output * 100, total * 100);
		assertThat(Math.abs(input)).as(label + " input").isLessThanOrEqualTo(0.30);
		assertThat(Math.abs(output)).as(label + " output").isLessThanOrEqualTo(0.30);
		assertThat(Math.abs(total)).as(label + " total").isLessThanOrEqualTo(0.30);
		if (quote.cost().micros() > 0) {
			assertThat(Math.abs(error(quote.cost().micros(), outcome.cost().micros()))).as(label + " cost")
				.isLessThanOrEqualTo(0.30);
		}
	}

	private static double error(long estimated, long actual) {
		return (estimated - actual) / (double) actual;
	}

}
