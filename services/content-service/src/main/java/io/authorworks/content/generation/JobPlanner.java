package io.authorworks.content.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.authorworks.contracts.content.jobs.JobKind;
import io.authorworks.contracts.content.jobs.JobParams;
import io.authorworks.contracts.content.jobs.StepNames;
import io.authorworks.lib.storystore.StoryTables;
import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.Step;
import io.authorworks.lib.storyai.cost.Money;
import io.authorworks.lib.storyai.cost.Quote;
import io.authorworks.lib.storyai.engine.ContentAi;
import io.authorworks.lib.storyai.engine.PreparedCall;
import io.authorworks.lib.storyai.offline.OfflineGenerator;
import io.authorworks.lib.storyai.prompt.Parsed;
import io.authorworks.lib.storyai.prompt.StructuredOutput;
import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.platform.core.InvalidRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Plans a job's steps and quotes each for the model that will serve it. Later steps
 * depend on what earlier ones write, so the planner walks the whole pipeline with the
 * offline generator standing in for the model: every prompt is then assembled from
 * realistic bible, outline, summaries and previous chapter, and its estimate is close to
 * what the real run sends.
 */
@Component
class JobPlanner {

	private final ContentAi ai;

	private final StoryTables story;

	private final GenerationProperties properties;

	JobPlanner(ContentAi ai, StoryTables story, GenerationProperties properties) {
		this.ai = ai;
		this.story = story;
		this.properties = properties;
	}

	JobPlan plan(UUID bookId, JobKind kind, JobParams params, long seed) {
		StoryBible bible = this.story.bible(bookId);
		Outline outline = this.story.outline(bookId).orElse(new Outline("", List.of()));
		Walk walk = new Walk(bible, outline, seed);
		switch (kind) {
			case BIBLE -> walk.bible(premise(params, bible), params.tone());
			case SYNOPSIS -> {
				requireStory(bible);
				walk.synopsis();
			}
			case OUTLINE -> {
				requireStory(bible);
				walk.outline(params.chapters(), params.structure());
			}
			case CHAPTER_DRAFTS -> {
				if (outline.chapters().isEmpty()) {
					throw new InvalidRequestException("kind",
							"This book has no outline yet; generate an outline before drafting chapters.");
				}
				for (int number : params.chapterNumbers()) {
					if (outline.chapter(number).isEmpty()) {
						throw new InvalidRequestException("params.chapterNumbers", "The outline has chapters 1 to "
								+ outline.chapters().size() + "; there is no " + number + ".");
					}
				}
				for (int number : params.chapterNumbers()) {
					walk.chapter(number, params.targetWords());
				}
			}
			case FULL_BOOK -> {
				walk.bible(premise(params, bible), params.tone());
				walk.synopsis();
				walk.outline(params.chapters(), params.structure());
				for (ChapterOutline chapter : walk.outline.chapters()) {
					walk.chapter(chapter.number(), params.targetWords());
				}
				walk.check();
			}
		}
		return new JobPlan(kind, params, walk.steps);
	}

	private static String premise(JobParams params, StoryBible bible) {
		String premise = params.premise().isBlank() ? bible.premise() : params.premise();
		if (premise.isBlank()) {
			throw new InvalidRequestException("params.premise",
					"Say what the book is about: a premise of a few sentences (or write one in the story bible).");
		}
		return premise;
	}

	private static void requireStory(StoryBible bible) {
		if (bible.premise().isBlank() && bible.entries().isEmpty()) {
			throw new InvalidRequestException("kind",
					"The story bible is empty; write a premise or generate a bible first.");
		}
	}

	/** Walks the pipeline with offline stand-ins, collecting each step's quote. */
	private final class Walk {

		private final OfflineGenerator offline = new OfflineGenerator();

		private final List<PlannedStep> steps = new ArrayList<>();

		private final List<ChapterSummary> summaries = new ArrayList<>();

		private final long seed;

		private StoryBible bible;

		private Outline outline;

		private String previousText = "";

		Walk(StoryBible bible, Outline outline, long seed) {
			this.bible = bible;
			this.outline = outline;
			this.seed = seed;
		}

		void bible(String premise, String tone) {
			GenerationTask.BibleFromPremise task = new GenerationTask.BibleFromPremise(this.bible.title(), premise,
					this.bible.genres(), tone);
			quote(StepNames.BIBLE, task, null);
			this.bible = OfflineGenerator.bible(task, stepSeed());
		}

		void synopsis() {
			GenerationTask.Synopsis task = new GenerationTask.Synopsis(this.bible, this.outline);
			PreparedCall call = quote(StepNames.SYNOPSIS, task, null);
			this.bible = this.bible.withSynopsis(write(call));
		}

		void outline(int chapters, String structure) {
			GenerationTask.OutlineBook task = new GenerationTask.OutlineBook(this.bible, chapters, structure);
			quote(StepNames.OUTLINE, task, null);
			this.outline = OfflineGenerator.outline(task, stepSeed());
		}

		void chapter(int number, int targetWords) {
			ChapterOutline chapter = this.outline.chapter(number).orElseThrow();
			GenerationTask.PlanChapter planTask = new GenerationTask.PlanChapter(this.bible, this.outline, chapter,
					this.summaries, this.previousText);
			PreparedCall planCall = quote(StepNames.chapterPlan(number), planTask, number);
			ChapterPlan plan = (StructuredOutput.chapterPlan(write(planCall), number,
					chapter.title()) instanceof Parsed.Valid<ChapterPlan> valid) ? valid.value()
							: new ChapterPlan(number, chapter.title(), List.of());
			GenerationTask.DraftChapter draft = new GenerationTask.DraftChapter(this.bible, this.outline, chapter, plan,
					this.summaries, this.previousText, targetWords);
			PreparedCall proseCall = quote(StepNames.chapterProse(number), draft, number);
			String prose = write(proseCall);
			PreparedCall summaryCall = quote(StepNames.chapterSummary(number),
					new GenerationTask.SummarizeChapter(number, chapter.title(), prose), number);
			this.summaries.add(new ChapterSummary(number, chapter.title(), write(summaryCall)));
			this.previousText = prose;
		}

		void check() {
			this.steps.add(
					new PlannedStep(this.steps.size(), StepNames.CHECK, null, null, new Quote(OfflineGenerator.PROVIDER,
							OfflineGenerator.MODEL, 0, 0, Money.zero(JobPlanner.this.properties.currency()), true)));
		}

		private PreparedCall quote(String name, GenerationTask task, @Nullable Integer chapter) {
			PreparedCall call = JobPlanner.this.ai.prepare(task, stepSeed(), CancellationToken.create());
			Step step = task.step();
			this.steps.add(new PlannedStep(this.steps.size(), name, step, chapter, call.quote()));
			return call;
		}

		private String write(PreparedCall call) {
			GenerationRequest request = call.request();
			return this.offline.write(request);
		}

		private long stepSeed() {
			return this.seed + this.steps.size();
		}

	}

}
