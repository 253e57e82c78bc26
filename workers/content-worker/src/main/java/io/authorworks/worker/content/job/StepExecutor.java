package io.authorworks.worker.content.job;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.authorworks.contracts.content.jobs.JobParams;
import io.authorworks.contracts.content.jobs.StepNames;
import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.Step;
import io.authorworks.lib.storyai.engine.ContentAi;
import io.authorworks.lib.storyai.engine.PreparedCall;
import io.authorworks.lib.storyai.engine.StepOutcome;
import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one step: builds its task from what the book holds now (bible, outline, earlier
 * chapters and their summaries), calls the model through {@link ContentAi} outside any
 * transaction, then writes the result and marks the step succeeded in one transaction. A
 * step that crashed before that commit left nothing behind and simply runs again.
 */
@Component
class StepExecutor {

	private final ContentAi ai;

	private final StoryStore story;

	private final JobRecords records;

	private final TransactionTemplate transactions;

	private final ObjectMapper mapper;

	StepExecutor(ContentAi ai, StoryStore story, JobRecords records, TransactionTemplate transactions,
			ObjectMapper mapper) {
		this.ai = ai;
		this.story = story;
		this.records = records;
		this.transactions = transactions;
		this.mapper = mapper;
	}

	JobRecords.Progress execute(JobRecords.Job job, JobRecords.StepRow row, CancellationToken token,
			LiveEvents.DeltaSink sink) {
		if (row.step() == null) {
			return check(job, row);
		}
		Step step = Step.fromKey(row.step());
		long seed = job.seed() + row.index();
		JobParams params = job.params();
		return switch (step) {
			case BIBLE -> {
				StoryBible current = this.story.bible(job.bookId());
				String premise = params.premise();
				GenerationTask.BibleFromPremise task = new GenerationTask.BibleFromPremise(current.title(),
						premise.isBlank() ? current.premise() : premise, current.genres(), params.tone());
				StepOutcome outcome = run(task, seed, token, sink);
				StoryBible bible = outcome.bible();
				yield commit(job, row, outcome, () -> {
					this.story.mergeBible(job.bookId(), bible);
					return Map.of("characters", bible.characters().size(), "locations", bible.locations().size(),
							"lore", bible.lore().size());
				});
			}
			case SYNOPSIS -> {
				GenerationTask.Synopsis task = new GenerationTask.Synopsis(this.story.bible(job.bookId()),
						this.story.outline(job.bookId()).orElse(new Outline("", List.of())));
				StepOutcome outcome = run(task, seed, token, sink);
				yield commit(job, row, outcome, () -> {
					this.story.writeSynopsis(job.bookId(), outcome.text().strip());
					return Map.of("words", io.authorworks.lib.storyai.story.Texts.wordCount(outcome.text()));
				});
			}
			case OUTLINE -> {
				GenerationTask.OutlineBook task = new GenerationTask.OutlineBook(this.story.bible(job.bookId()),
						params.chapters(), params.structure());
				StepOutcome outcome = run(task, seed, token, sink);
				Outline outline = outcome.outline();
				yield commit(job, row, outcome, () -> {
					this.story.writeOutline(job.bookId(), outline, job.id(), outcome.result().model());
					return Map.of("structure", outline.structure(), "chapters", outline.chapters());
				});
			}
			case CHAPTER_PLAN -> {
				Chapter c = chapter(job, row);
				GenerationTask.PlanChapter task = new GenerationTask.PlanChapter(c.bible(), c.outline(), c.chapter(),
						c.before().summaries(), c.before().previousText());
				StepOutcome outcome = run(task, seed, token, sink);
				ChapterPlan plan = outcome.chapterPlan();
				yield commit(job, row, outcome, () -> plan);
			}
			case CHAPTER_PROSE -> {
				Chapter c = chapter(job, row);
				ChapterPlan plan = plan(this.records.steps(job.id()), c.chapter());
				GenerationTask.DraftChapter task = new GenerationTask.DraftChapter(c.bible(), c.outline(), c.chapter(),
						plan, c.before().summaries(), c.before().previousText(), params.targetWords());
				StepOutcome outcome = run(task, seed, token, sink);
				yield commit(job, row, outcome, () -> {
					StoryStore.ChapterRow created = this.story.createChapter(job.bookId(), job.id(), row.index(),
							job.userId(), c.chapter().number(), c.chapter().title(), outcome.text().strip(),
							outcome.result());
					return Map.of("chapterId", created.id(), "position", created.position(), "title", created.title());
				});
			}
			case CHAPTER_SUMMARY -> {
				int number = Objects.requireNonNull(row.chapter());
				StoryStore.ChapterRow chapter = this.story.generatedChapter(job.id(), number)
					.orElseThrow(() -> new IllegalStateException("Chapter " + number + " was not written"));
				GenerationTask.SummarizeChapter task = new GenerationTask.SummarizeChapter(chapter.position(),
						chapter.title(), chapter.content());
				StepOutcome outcome = run(task, seed, token, sink);
				yield commit(job, row, outcome, () -> {
					this.story.writeSummary(chapter.id(), job.bookId(), outcome.text().strip(),
							outcome.result().model(), job.id());
					return Map.of("chapterId", chapter.id());
				});
			}
			default -> throw new IllegalStateException("A job cannot run " + step);
		};
	}

	private StepOutcome run(GenerationTask task, long seed, CancellationToken token, LiveEvents.DeltaSink sink) {
		PreparedCall call = this.ai.prepare(task, seed, token);
		StepOutcome outcome = this.ai.run(call, sink);
		sink.flush();
		return outcome;
	}

	private JobRecords.Progress commit(JobRecords.Job job, JobRecords.StepRow row, @Nullable StepOutcome outcome,
			Effect effect) {
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			Object output = effect.apply();
			return this.records.finishStep(job, row.index(), row.name(), outcome, this.mapper.valueToTree(output));
		}));
	}

	/** The final step: every planned chapter exists and has text. */
	private JobRecords.Progress check(JobRecords.Job job, JobRecords.StepRow row) {
		List<StoryStore.GeneratedChapter> chapters = this.story.generatedChapters(job.id());
		int planned = job.params().chapters();
		if (chapters.size() != planned || chapters.stream().anyMatch((c) -> c.words() == 0)) {
			throw new IllegalStateException(
					"The book has " + chapters.size() + " of " + planned + " generated chapters, or an empty one");
		}
		int words = chapters.stream().mapToInt(StoryStore.GeneratedChapter::words).sum();
		return commit(job, row, null, () -> Map.of("chapters", chapters.size(), "words", words));
	}

	private Chapter chapter(JobRecords.Job job, JobRecords.StepRow row) {
		int number = Objects.requireNonNull(row.chapter());
		StoryBible bible = this.story.bible(job.bookId());
		Outline outline = this.story.outline(job.bookId())
			.orElseThrow(() -> new IllegalStateException("The book has no outline"));
		ChapterOutline chapter = outline.chapter(number)
			.orElseThrow(() -> new IllegalStateException("The outline has no chapter " + number));
		int position = this.story.positionFor(job.bookId(), job.id(), number);
		return new Chapter(bible, outline, chapter, this.story.before(job.bookId(), position));
	}

	private ChapterPlan plan(List<JobRecords.StepRow> all, ChapterOutline chapter) {
		String name = StepNames.chapterPlan(chapter.number());
		for (JobRecords.StepRow step : all) {
			if (step.name().equals(name) && step.output() != null) {
				return this.mapper.treeToValue(step.output(), ChapterPlan.class);
			}
		}
		return new ChapterPlan(chapter.number(), chapter.title(), List.of());
	}

	@FunctionalInterface
	private interface Effect {

		Object apply();

	}

	private record Chapter(StoryBible bible, Outline outline, ChapterOutline chapter, StoryStore.Before before) {
	}

}
