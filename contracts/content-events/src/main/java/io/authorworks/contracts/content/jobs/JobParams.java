package io.authorworks.contracts.content.jobs;

import java.util.List;

/**
 * The checked parameters of a job: content-service writes them to
 * {@code generation_jobs.params} as JSON when it plans the job, and the worker reads them
 * back to run its steps, so the plan and the run use the same numbers.
 *
 * @param premise the idea the bible is built from (bible, full-book), may be empty
 * @param tone the wanted tone, may be empty
 * @param chapters how many chapters to outline (outline, full-book)
 * @param structure a story structure to follow, or empty to let the model choose
 * @param targetWords roughly how long each chapter should be
 * @param chapterNumbers the outline chapters to draft (chapter-drafts)
 */
public record JobParams(String premise, String tone, int chapters, String structure, int targetWords,
		List<Integer> chapterNumbers) {

	public JobParams {
		chapterNumbers = List.copyOf(chapterNumbers);
	}

}
