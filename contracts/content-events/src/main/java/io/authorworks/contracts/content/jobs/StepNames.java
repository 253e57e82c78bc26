package io.authorworks.contracts.content.jobs;

/**
 * The names of a job's planned steps ({@code generation_steps.name}): content-service
 * gives them when it plans, the worker finds earlier steps' output by them and builds the
 * job's result from them.
 */
public final class StepNames {

	/** Scaffolds the story bible. */
	public static final String BIBLE = "bible";

	/** Writes the synopsis. */
	public static final String SYNOPSIS = "synopsis";

	/** Outlines the chapters. */
	public static final String OUTLINE = "outline";

	/** The last step of a full book: every planned chapter exists and has text. */
	public static final String CHECK = "export-check";

	private static final String CHAPTER = "chapter-";

	private static final String PROSE = "-prose";

	private StepNames() {
	}

	/** Plans the scenes of outline chapter {@code number}. */
	public static String chapterPlan(int number) {
		return CHAPTER + number + "-plan";
	}

	/** Drafts the prose of outline chapter {@code number}, creating the chapter. */
	public static String chapterProse(int number) {
		return CHAPTER + number + PROSE;
	}

	/** Summarizes outline chapter {@code number} for the chapters after it. */
	public static String chapterSummary(int number) {
		return CHAPTER + number + "-summary";
	}

	/** Whether the step drafted a chapter's prose, so its output names a chapter. */
	public static boolean isChapterProse(String name) {
		return name.startsWith(CHAPTER) && name.endsWith(PROSE);
	}

	/** Whether the step's output is part of the job's result under its own name. */
	public static boolean isStoryPart(String name) {
		return BIBLE.equals(name) || SYNOPSIS.equals(name) || OUTLINE.equals(name);
	}

}
