package io.authorworks.content.generation;

import java.util.List;

/**
 * The checked parameters of a job.
 *
 * @param premise the idea the bible is built from (bible, full-book)
 * @param tone the wanted tone, may be empty
 * @param chapters how many chapters to outline (outline, full-book)
 * @param structure a story structure to follow, or empty to let the model choose
 * @param targetWords roughly how long each chapter should be
 * @param chapterNumbers the outline chapters to draft (chapter-drafts)
 */
record JobParams(String premise, String tone, int chapters, String structure, int targetWords,
		List<Integer> chapterNumbers) {

	JobParams {
		chapterNumbers = List.copyOf(chapterNumbers);
	}

}
