package io.authorworks.content.generation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Asks for a generation job, or its quote.
 *
 * @param kind {@code bible}, {@code synopsis}, {@code outline}, {@code chapter-drafts} or
 * {@code full-book}
 * @param params what to generate from
 */
record JobRequest(@Nullable String kind, @Nullable Params params) {

	/**
	 * The parameters; which ones matter depends on the kind.
	 *
	 * @param premise the idea (bible, full-book; defaults to the bible's premise)
	 * @param tone the wanted tone
	 * @param chapters how many chapters to outline (outline, full-book)
	 * @param structure {@code three-act}, {@code heros-journey}, {@code save-the-cat} or
	 * empty
	 * @param targetWords words per chapter (chapter-drafts, full-book)
	 * @param chapterNumbers outline chapters to draft (chapter-drafts)
	 */
	record Params(@Nullable String premise, @Nullable String tone, @Nullable Integer chapters,
			@Nullable String structure, @Nullable Integer targetWords, @Nullable List<Integer> chapterNumbers) {
	}

}
