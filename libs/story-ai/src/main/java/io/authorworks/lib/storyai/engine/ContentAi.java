package io.authorworks.lib.storyai.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.Step;
import io.authorworks.lib.storyai.TextGenerator;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.context.AssembledContext;
import io.authorworks.lib.storyai.context.ContextAssembler;
import io.authorworks.lib.storyai.context.ContextBudget;
import io.authorworks.lib.storyai.context.ContextRequest;
import io.authorworks.lib.storyai.cost.AnswerSize;
import io.authorworks.lib.storyai.cost.Money;
import io.authorworks.lib.storyai.cost.PriceTable;
import io.authorworks.lib.storyai.cost.Quote;
import io.authorworks.lib.storyai.cost.TokenEstimator;
import io.authorworks.lib.storyai.offline.OfflineGenerator;
import io.authorworks.lib.storyai.offline.StoryStructure;
import io.authorworks.lib.storyai.prompt.Parsed;
import io.authorworks.lib.storyai.prompt.PromptLibrary;
import io.authorworks.lib.storyai.prompt.PromptTemplate;
import io.authorworks.lib.storyai.prompt.StructuredOutput;
import io.authorworks.lib.storyai.retry.RetryPolicy;
import io.authorworks.lib.storyai.retry.RetryingGenerator;
import io.authorworks.lib.storyai.retry.Sleeper;
import io.authorworks.lib.storyai.story.BibleEntry;
import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.StoryCharacter;
import io.authorworks.lib.storyai.story.Texts;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point content-service and content-worker use: {@link #prepare} routes a
 * task to its provider and model, renders the versioned prompt (assembling chapter
 * context within the model's budget) and quotes it; {@link #run} streams it with retries,
 * prices the actual usage and parses structured answers, falling back to the offline
 * generator's value when a model's JSON is unusable.
 *
 * <pre>{@code
 * ContentAi ai = ContentAi.from(properties, System::getenv, Clock.systemUTC());
 * PreparedCall call = ai.prepare(new GenerationTask.SelectionEdit(Step.REWRITE, selection,
 *         before, after, "", bible), seed, token);
 * showQuote(call.quote());
 * StepOutcome done = ai.run(call, delta -> sse.send(delta));
 * save(done.text(), done.result().model(), done.cost());
 * }</pre>
 */
public final class ContentAi {

	/** Per-message overhead of chat templates, added to prompt estimates. */
	private static final int CHAT_OVERHEAD = 7;

	private final Generators generators;

	private final ModelRouter router;

	private final PromptLibrary prompts;

	private final PriceTable prices;

	private final Map<String, Integer> contextBudgets;

	private final RetryPolicy retry;

	private final Sleeper sleeper;

	private final RandomGenerator random;

	public ContentAi(Generators generators, ModelRouter router, PromptLibrary prompts, PriceTable prices,
			Map<String, Integer> contextBudgets, RetryPolicy retry, Sleeper sleeper, RandomGenerator random) {
		this.generators = Objects.requireNonNull(generators);
		this.router = Objects.requireNonNull(router);
		this.prompts = Objects.requireNonNull(prompts);
		this.prices = Objects.requireNonNull(prices);
		this.contextBudgets = Map.copyOf(contextBudgets);
		this.retry = Objects.requireNonNull(retry);
		this.sleeper = Objects.requireNonNull(sleeper);
		this.random = Objects.requireNonNull(random);
	}

	/**
	 * Builds everything from configuration.
	 * @param env reads environment variables (the API keys), {@code System::getenv} in
	 * production
	 */
	public static ContentAi from(AiProperties properties, Function<String, @Nullable String> env, Clock clock) {
		Generators generators = Generators.from(properties, env, clock);
		return new ContentAi(generators, new ModelRouter(properties.models(), properties.fallback(), generators),
				PromptLibrary.current(), PriceTable.parse(properties.prices()), properties.contextBudget(),
				properties.retry().policy(), Sleeper.REAL, RandomGenerator.getDefault());
	}

	/** The provider and model that would serve a step now. */
	public ModelRoute route(Step step) {
		return this.router.route(step);
	}

	/** The quote for a task, without running it. */
	public Quote quote(GenerationTask task) {
		return prepare(task, 0, CancellationToken.create()).quote();
	}

	/** Routes, prompts and quotes a task. */
	public PreparedCall prepare(GenerationTask task, long seed, CancellationToken token) {
		ModelRoute route = this.router.route(task.step());
		TokenEstimator estimator = TokenEstimator.forModel(route.provider(), route.model());
		PromptTemplate template = this.prompts.template(task.step());
		String system;
		String user;
		List<String> trims = List.of();
		if (task instanceof GenerationTask.DraftChapter draft) {
			AssembledContext context = assemble(template, route, estimator, draft.bible(), draft.outline(),
					draft.chapter(), draft.plan(), draft.earlier(), draft.previousChapterText(),
					Map.of("number", Integer.toString(draft.chapter().number()), "title", draft.chapter().title(),
							"words", Integer.toString(draft.targetWords())));
			system = context.system();
			user = context.user();
			trims = context.trims();
		}
		else if (task instanceof GenerationTask.PlanChapter plan) {
			AssembledContext context = assemble(template, route, estimator, plan.bible(), plan.outline(),
					plan.chapter(), null, plan.earlier(), plan.previousChapterText(),
					Map.of("number", Integer.toString(plan.chapter().number())));
			system = context.system();
			user = context.user();
			trims = context.trims();
		}
		else {
			PromptTemplate.RenderedPrompt rendered = template.render(variables(task));
			system = rendered.system();
			user = rendered.user();
		}
		int inputTokens = estimator.estimate(system) + estimator.estimate(user) + CHAT_OVERHEAD;
		int maxOutput = maxOutputTokens(task, estimator);
		long expectedOutput = Math.min(maxOutput, expectedOutputTokens(task, estimator));
		GenerationRequest request = GenerationRequest.builder(route.model())
			.system(system)
			.user(user)
			.maxOutputTokens(maxOutput)
			.temperature(task.step().structured() ? 0.4 : 0.8)
			.cancellation(token)
			.task(task)
			.seed(seed)
			.build();
		Quote quote = new Quote(route.provider(), route.model(), inputTokens, expectedOutput,
				this.prices.priceOf(route.provider(), route.model()).cost(inputTokens, expectedOutput),
				this.prices.find(route.provider(), route.model()).isPresent()
						|| route.provider().equals(OfflineGenerator.PROVIDER));
		return new PreparedCall(task, route, request, template.id(), quote, trims);
	}

	/** Runs a prepared call, streaming text to the sink. */
	public StepOutcome run(PreparedCall call, TokenSink sink) {
		TextGenerator generator = this.generators.find(call.route().provider())
			.orElseThrow(() -> new IllegalStateException("No provider " + call.route().provider()));
		TextGenerator retrying = new RetryingGenerator(generator, this.retry, this.sleeper, this.random, null);
		GenerationResult result = retrying.generate(call.request(), sink);
		Money cost = this.prices.priceOf(result.provider(), call.route().model()).cost(result.usage());
		List<String> repairs = new ArrayList<>();
		Object value = result.text();
		boolean fellBack = false;
		Parsed<?> parsed = switch (call.task()) {
			case GenerationTask.BibleFromPremise ignored -> StructuredOutput.bible(result.text());
			case GenerationTask.OutlineBook outline -> StructuredOutput.outline(result.text(), outline.chapters());
			case GenerationTask.PlanChapter plan ->
				StructuredOutput.chapterPlan(result.text(), plan.chapter().number(), plan.chapter().title());
			default -> null;
		};
		if (parsed instanceof Parsed.Valid<?> valid) {
			value = valid.value();
			repairs.addAll(valid.repairs());
		}
		else if (parsed instanceof Parsed.Invalid<?> invalid) {
			repairs.add("fell back to the offline generator: " + invalid.reason());
			fellBack = true;
			value = offlineValue(call.task(), call.request().seed());
		}
		return new StepOutcome(result, cost, call.quote(), call.templateId(), value, repairs, fellBack);
	}

	private static Object offlineValue(GenerationTask task, long seed) {
		OfflineGenerator offline = new OfflineGenerator();
		String json = offline
			.write(GenerationRequest.builder(OfflineGenerator.MODEL).user("-").task(task).seed(seed).build());
		return switch (task) {
			case GenerationTask.BibleFromPremise bible -> OfflineGenerator.bible(bible, seed);
			case GenerationTask.OutlineBook outline -> OfflineGenerator.outline(outline, seed);
			case GenerationTask.PlanChapter plan ->
				((Parsed.Valid<?>) StructuredOutput.chapterPlan(json, plan.chapter().number(), plan.chapter().title()))
					.value();
			default -> json;
		};
	}

	private AssembledContext assemble(PromptTemplate template, ModelRoute route, TokenEstimator estimator,
			StoryBible bible, Outline outline, ChapterOutline chapter, @Nullable ChapterPlan plan,
			List<ChapterSummary> earlier, String previousText, Map<String, String> values) {
		Map<String, String> all = new HashMap<>(values);
		all.put("context", "");
		String task = template.render(all).user();
		int budget = this.contextBudgets.getOrDefault(route.model(),
				this.contextBudgets.getOrDefault("default", 24_000));
		ContextRequest request = new ContextRequest(bible, outline, chapter, plan, earlier, previousText,
				template.system(), task);
		return new ContextAssembler(estimator).assemble(request,
				new ContextBudget(Math.max(256, budget - CHAT_OVERHEAD), 1_200, 3));
	}

	private static Map<String, String> variables(GenerationTask task) {
		Map<String, String> values = new HashMap<>();
		switch (task) {
			case GenerationTask.SelectionEdit edit -> {
				values.put("book",
						book(edit.bible(), edit.before() + "\n" + edit.selection() + "\n" + edit.after(), false));
				values.put("selection", edit.selection());
				values.put("before", lastWords(edit.before(), 400));
				values.put("instruction",
						edit.instruction().isBlank() ? "" : "\nThe author's instruction: " + edit.instruction() + "\n");
				values.put("words", "150");
				values.put("after_note",
						edit.after().isBlank() ? ""
								: "The text that follows (your continuation must lead into it):\n\"\"\"\n"
										+ firstWords(edit.after(), 150) + "\n\"\"\"\n");
			}
			case GenerationTask.BibleFromPremise bible -> {
				values.put("premise", bible.premise());
				values.put("title", bible.title().isBlank() ? "(none yet: propose one)" : bible.title());
				values.put("genres", bible.genres().isEmpty() ? "(choose)" : String.join(", ", bible.genres()));
				values.put("tone", bible.tone().isBlank() ? "(choose)" : bible.tone());
			}
			case GenerationTask.Synopsis synopsis -> {
				values.put("book", book(synopsis.bible(), null, true));
				values.put("outline", outlineText(synopsis.outline()));
			}
			case GenerationTask.OutlineBook outline -> {
				values.put("book", book(outline.bible(), null, true));
				values.put("chapters", Integer.toString(outline.chapters()));
				values.put("structure",
						outline.structure().isBlank() ? "three-act" : StoryStructure.named(outline.structure()).key());
			}
			case GenerationTask.SummarizeChapter summary -> {
				values.put("number", Integer.toString(summary.number()));
				values.put("title", summary.title());
				values.put("text", summary.text());
			}
			case GenerationTask.PlanChapter ignored -> throw new IllegalStateException("assembled");
			case GenerationTask.DraftChapter ignored -> throw new IllegalStateException("assembled");
		}
		return values;
	}

	/**
	 * The book notes for prompts that do not assemble chapter context. With
	 * {@code mentionedIn}, only the entries it names (and the point of view) are listed.
	 */
	static String book(StoryBible bible, @Nullable String mentionedIn, boolean withDescriptions) {
		StringBuilder out = new StringBuilder("# Book");
		appendLine(out, "\nTitle: ", bible.title());
		appendLine(out, "\nGenres: ", String.join(", ", bible.genres()));
		appendLine(out, "\nTone: ", bible.tone());
		appendLine(out, "\nPoint of view: ", bible.style().pointOfView());
		appendLine(out, "\nTense: ", bible.style().tense());
		appendLine(out, "\nVoice: ", bible.style().voice());
		appendLine(out, "\nPremise: ", bible.premise());
		appendLine(out, "\nSynopsis: ", withDescriptions ? bible.synopsis() : "");
		StringBuilder entries = new StringBuilder();
		for (BibleEntry entry : bible.entries()) {
			boolean pov = entry.names().stream().anyMatch((n) -> Texts.mentions(bible.style().pointOfView(), n));
			if (mentionedIn != null && !pov
					&& entry.names().stream().noneMatch((n) -> Texts.mentions(mentionedIn, n))) {
				continue;
			}
			entries.append("\n- ").append(entry.name());
			if (entry instanceof StoryCharacter character && !character.role().isBlank()) {
				entries.append(" (").append(character.role()).append(')');
			}
			String description = withDescriptions ? entry.description() : Texts.firstSentence(entry.description());
			appendLine(entries, ": ", description);
			if (withDescriptions && entry instanceof StoryCharacter character) {
				appendLine(entries, " Arc: ", character.arc());
			}
		}
		if (!entries.isEmpty()) {
			out.append("\nPeople, places and things:").append(entries);
		}
		return out.toString();
	}

	private static String outlineText(Outline outline) {
		if (outline.chapters().isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder("# Outline");
		for (ChapterOutline chapter : outline.chapters()) {
			out.append('\n').append(chapter.number()).append(". ").append(chapter.title());
			appendLine(out, ": ", chapter.summary());
		}
		return out.append('\n').toString();
	}

	/**
	 * The output limit sent with the request: a generous ceiling above the expected
	 * answer, since a cut-off answer is wasted (cut-off JSON falls back to the offline
	 * generator) while unused room costs nothing. The fixed ceilings of the structured
	 * steps hold several times their expected answer, with every optional entry their
	 * prompts allow; a very long premise or outline raises them to twice the expected
	 * answer.
	 */
	static int maxOutputTokens(GenerationTask task, TokenEstimator estimator) {
		return switch (task) {
			case GenerationTask.SelectionEdit edit -> switch (edit.step()) {
				case REWRITE -> Math.max(256, 2 * estimator.estimate(edit.selection()));
				case EXPAND -> Math.max(400, 3 * estimator.estimate(edit.selection()));
				case SHORTEN -> Math.max(128, estimator.estimate(edit.selection()));
				case DESCRIBE -> 500;
				case BRAINSTORM -> 700;
				default -> 500;
			};
			case GenerationTask.BibleFromPremise ignored -> room(task, estimator, 4_000);
			case GenerationTask.Synopsis ignored -> room(task, estimator, 1_500);
			case GenerationTask.OutlineBook outline ->
				Math.min(32_000, room(task, estimator, 600 + outline.chapters() * 250));
			case GenerationTask.PlanChapter ignored -> room(task, estimator, 2_000);
			case GenerationTask.DraftChapter draft ->
				(int) Math.min(64_000, draft.targetWords() * AnswerSize.TOKENS_PER_WORD * 1.5);
			case GenerationTask.SummarizeChapter ignored -> room(task, estimator, 500);
		};
	}

	private static int room(GenerationTask task, TokenEstimator estimator, int atLeast) {
		return Math.toIntExact(Math.max(atLeast, 2 * expectedOutputTokens(task, estimator)));
	}

	/**
	 * What a typical answer costs in output tokens. For the structured and summarising
	 * steps it follows from the size their prompt asks for ({@link ExpectedAnswers}); for
	 * prose from the words asked for; for edits from the selection they work on.
	 */
	static long expectedOutputTokens(GenerationTask task, TokenEstimator estimator) {
		return switch (task) {
			case GenerationTask.SelectionEdit edit -> switch (edit.step()) {
				// A rewrite is about as long as its selection, an expansion twice, a cut
				// half.
				case REWRITE -> estimator.estimate(edit.selection());
				case EXPAND -> 2L * estimator.estimate(edit.selection());
				case SHORTEN -> estimator.estimate(edit.selection()) / 2;
				case DESCRIBE -> 220;
				case BRAINSTORM -> 300;
				default -> AnswerSize.prose(150).tokens();
			};
			case GenerationTask.BibleFromPremise bible -> ExpectedAnswers.bible(bible, estimator);
			case GenerationTask.Synopsis ignored -> ExpectedAnswers.synopsis();
			case GenerationTask.OutlineBook outline -> ExpectedAnswers.outline(outline);
			case GenerationTask.PlanChapter plan -> ExpectedAnswers.chapterPlan(plan);
			case GenerationTask.DraftChapter draft -> AnswerSize.prose(draft.targetWords()).tokens();
			case GenerationTask.SummarizeChapter ignored -> ExpectedAnswers.chapterSummary();
		};
	}

	private static String lastWords(String text, int words) {
		List<String> all = Texts.words(text);
		return (all.size() <= words) ? text.strip()
				: "…" + String.join(" ", all.subList(all.size() - words, all.size()));
	}

	private static String firstWords(String text, int words) {
		List<String> all = Texts.words(text);
		return (all.size() <= words) ? text.strip() : String.join(" ", all.subList(0, words)) + "…";
	}

	private static void appendLine(StringBuilder out, String label, String value) {
		if (!value.isBlank()) {
			out.append(label).append(value.strip());
		}
	}

}
