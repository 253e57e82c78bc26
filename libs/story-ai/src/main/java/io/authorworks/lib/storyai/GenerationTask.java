package io.authorworks.lib.storyai;

import java.util.List;
import java.util.Objects;

import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.Texts;

/**
 * What the caller wants, as structured data. Prompts are rendered from it for real
 * models, and the offline generator works from it directly instead of parsing a prompt.
 */
public sealed interface GenerationTask {

	Step step();

	/**
	 * An interactive operation on the author's selection or at the cursor.
	 *
	 * @param step one of brainstorm, rewrite, expand, shorten, describe, continue
	 * @param selection the selected text (empty for continue at the cursor)
	 * @param before text before the selection or cursor, for context
	 * @param after text after it
	 * @param instruction what the author asked for, may be empty
	 * @param bible the book's bible, for names and style
	 */
	record SelectionEdit(Step step, String selection, String before, String after, String instruction,
			StoryBible bible) implements GenerationTask {

		public SelectionEdit {
			if (!step.onSelection()) {
				throw new IllegalArgumentException(step + " is not an operation on a selection");
			}
			selection = Texts.orEmpty(selection);
			before = Objects.requireNonNullElse(before, "");
			after = Objects.requireNonNullElse(after, "");
			instruction = Texts.orEmpty(instruction);
			Objects.requireNonNull(bible, "bible");
		}

	}

	/**
	 * A story bible scaffolded from the author's premise.
	 *
	 * @param title the working title, may be empty
	 * @param premise the idea
	 * @param genres wanted genres, may be empty
	 * @param tone wanted tone, may be empty
	 */
	record BibleFromPremise(String title, String premise, List<String> genres, String tone) implements GenerationTask {

		public BibleFromPremise {
			title = Texts.orEmpty(title);
			premise = Texts.orEmpty(premise);
			if (premise.isEmpty()) {
				throw new IllegalArgumentException("A premise is needed");
			}
			genres = Texts.cleanList(genres);
			tone = Texts.orEmpty(tone);
		}

		@Override
		public Step step() {
			return Step.BIBLE;
		}

	}

	/**
	 * A synopsis of the whole book.
	 *
	 * @param bible the bible
	 * @param outline the outline when there is one, else empty
	 */
	record Synopsis(StoryBible bible, Outline outline) implements GenerationTask {

		@Override
		public Step step() {
			return Step.SYNOPSIS;
		}

	}

	/**
	 * An outline of {@code chapters} chapters with scene beats.
	 *
	 * @param bible the bible
	 * @param chapters how many chapters
	 * @param structure a story structure to follow ({@code three-act},
	 * {@code heros-journey}, {@code save-the-cat}) or empty to let the model choose
	 */
	record OutlineBook(StoryBible bible, int chapters, String structure) implements GenerationTask {

		public OutlineBook {
			if (chapters < 1 || chapters > 200) {
				throw new IllegalArgumentException("An outline has 1 to 200 chapters");
			}
			structure = Texts.orEmpty(structure);
		}

		@Override
		public Step step() {
			return Step.OUTLINE;
		}

	}

	/**
	 * A scene-by-scene plan for one chapter.
	 *
	 * @param bible the bible
	 * @param outline the book outline
	 * @param chapter the chapter to plan
	 * @param earlier summaries of the chapters before it
	 * @param previousChapterText the text of the chapter before, empty for the first
	 */
	record PlanChapter(StoryBible bible, Outline outline, ChapterOutline chapter, List<ChapterSummary> earlier,
			String previousChapterText) implements GenerationTask {

		public PlanChapter {
			earlier = List.copyOf(earlier);
			previousChapterText = Objects.requireNonNullElse(previousChapterText, "");
		}

		@Override
		public Step step() {
			return Step.CHAPTER_PLAN;
		}

	}

	/**
	 * The prose of one chapter, written from its plan.
	 *
	 * @param bible the bible
	 * @param outline the book outline
	 * @param chapter this chapter's outline entry
	 * @param plan this chapter's plan
	 * @param earlier summaries of every earlier chapter
	 * @param previousChapterText the text of the chapter before, empty for the first
	 * @param targetWords roughly how long the chapter should be
	 */
	record DraftChapter(StoryBible bible, Outline outline, ChapterOutline chapter, ChapterPlan plan,
			List<ChapterSummary> earlier, String previousChapterText, int targetWords) implements GenerationTask {

		public DraftChapter {
			earlier = List.copyOf(earlier);
			previousChapterText = Objects.requireNonNullElse(previousChapterText, "");
			if (targetWords < 50) {
				throw new IllegalArgumentException("A chapter needs at least 50 words");
			}
		}

		@Override
		public Step step() {
			return Step.CHAPTER_PROSE;
		}

	}

	/**
	 * The rolling summary of a written chapter.
	 *
	 * @param number the chapter number
	 * @param title the chapter title
	 * @param text the chapter's text
	 */
	record SummarizeChapter(int number, String title, String text) implements GenerationTask {

		public SummarizeChapter {
			title = Texts.orEmpty(title);
			text = Objects.requireNonNullElse(text, "");
		}

		@Override
		public Step step() {
			return Step.CHAPTER_SUMMARY;
		}

	}

}
