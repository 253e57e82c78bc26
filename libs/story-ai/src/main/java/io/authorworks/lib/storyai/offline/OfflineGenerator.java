package io.authorworks.lib.storyai.offline;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.StopReason;
import io.authorworks.lib.storyai.TextGenerator;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.Usage;
import io.authorworks.lib.storyai.cost.HeuristicTokenEstimator;
import io.authorworks.lib.storyai.cost.TokenEstimator;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider used when no model is configured. It works from the request's structured
 * {@link GenerationTask}, not from the prompt: outlines follow an established story
 * structure filled from the bible, a bible is scaffolded from the premise's own names and
 * places, synopses and plans are assembled from outline beats, summaries are extractive,
 * drafts and continuations are built from the author's own sentences, and the selection
 * operations are plain text transformations. Output streams word by word, is the same for
 * the same input and seed, and is always labelled offline.
 */
public final class OfflineGenerator implements TextGenerator {

	public static final String PROVIDER = "offline";

	public static final String MODEL = "offline-v1";

	private static final Pattern PIECE = Pattern.compile("\\S+\\s*|\\s+");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TokenEstimator estimator = new HeuristicTokenEstimator(1.0);

	@Override
	public String provider() {
		return PROVIDER;
	}

	@Override
	public GenerationResult generate(GenerationRequest request, TokenSink sink) {
		request.cancellation().throwIfCancelled();
		String text = write(request);
		StringBuilder streamed = new StringBuilder();
		Matcher pieces = PIECE.matcher(text);
		while (pieces.find()) {
			request.cancellation().throwIfCancelled();
			sink.onText(pieces.group());
			streamed.append(pieces.group());
		}
		Usage usage = new Usage(this.estimator.estimate(request.promptText()), this.estimator.estimate(text), true);
		return new GenerationResult(streamed.toString(), StopReason.END_TURN, usage, PROVIDER, MODEL, true,
				text.isBlank() ? GenerationResult.OFFLINE_TOO_LITTLE_TEXT : GenerationResult.OFFLINE_NOTICE);
	}

	/** The full text for a request; deterministic for the same task and seed. */
	public String write(GenerationRequest request) {
		long seed = request.seed();
		GenerationTask task = request.task();
		if (task == null) {
			return freeForm(request, seed);
		}
		return switch (task) {
			case GenerationTask.SelectionEdit edit -> selection(edit, request.maxOutputTokens(), seed);
			case GenerationTask.BibleFromPremise bible ->
				JSON.writeValueAsString(BibleScaffolder.scaffold(bible, seed));
			case GenerationTask.Synopsis synopsis ->
				Outliner.synopsis(synopsis.bible(), synopsis.outline().chapters().isEmpty()
						? Outliner.outline(synopsis.bible(), 9, StoryStructure.THREE_ACT, seed) : synopsis.outline());
			case GenerationTask.OutlineBook outline -> JSON.writeValueAsString(outline(outline, seed));
			case GenerationTask.PlanChapter plan -> JSON.writeValueAsString(plan(plan.bible(), plan, seed));
			case GenerationTask.DraftChapter draft -> ProseDrafter.draft(draft, seed);
			case GenerationTask.SummarizeChapter summary -> Summarizer.summarize(summary.text(), 4);
		};
	}

	/** The outline, as a record, for callers that need no JSON round trip. */
	public static Outline outline(GenerationTask.OutlineBook task, long seed) {
		return Outliner.outline(task.bible(), task.chapters(), StoryStructure.named(task.structure()), seed);
	}

	/**
	 * A summary of a chapter written without a model: its most central sentences, in
	 * their order. Free and immediate, so context can follow a chapter the author has
	 * just edited without waiting for (or paying for) a model's summary.
	 */
	public static String summary(String chapterText) {
		return Summarizer.summarize(chapterText, 4);
	}

	/** The scaffolded bible, as a record. */
	public static StoryBible bible(GenerationTask.BibleFromPremise task, long seed) {
		return BibleScaffolder.scaffold(task, seed);
	}

	private static ChapterPlan plan(StoryBible bible, GenerationTask.PlanChapter task, long seed) {
		return Outliner.plan(bible, task.chapter(), seed);
	}

	private static String selection(GenerationTask.SelectionEdit edit, int maxOutputTokens, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		return switch (edit.step()) {
			case REWRITE -> TextTransforms.rewrite(edit.selection());
			case SHORTEN -> TextTransforms.shorten(edit.selection());
			case EXPAND -> TextTransforms.expand(edit.selection(), edit.bible(), random);
			case DESCRIBE -> TextTransforms.describe(edit.selection(), edit.bible(), random);
			case BRAINSTORM -> TextTransforms.brainstorm(edit, random);
			case CONTINUE ->
				TextTransforms.continueText(edit, Math.min(250, Math.max(30, maxOutputTokens * 3 / 4)), random);
			default -> throw new IllegalArgumentException(edit.step() + " is not a selection operation");
		};
	}

	private static String freeForm(GenerationRequest request, long seed) {
		String last = request.lastUserMessage();
		AuthorVoice voice = new AuthorVoice(last);
		if (!voice.usable()) {
			return "(Offline: no AI model is configured, and this request needs one.)";
		}
		SplittableRandom random = new SplittableRandom(seed);
		StringBuilder out = new StringBuilder(voice.continueFrom(last, random));
		for (int i = 0; i < 4; i++) {
			out.append(' ').append(voice.sentence(random));
		}
		return out.toString();
	}

}
