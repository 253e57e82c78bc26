package io.authorworks.content.generation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a generation job produces.
 */
enum JobKind {

	/** A story bible scaffolded from the premise. */
	BIBLE("bible"),

	/** The synopsis, from the bible and the outline if there is one. */
	SYNOPSIS("synopsis"),

	/** An outline of N chapters with scene beats. */
	OUTLINE("outline"),

	/** Plans, prose and summaries for chosen chapters of the outline. */
	CHAPTER_DRAFTS("chapter-drafts"),

	/**
	 * Premise → bible → synopsis → outline → per chapter plan, prose, summary → check.
	 */
	FULL_BOOK("full-book");

	static final List<String> VALUES = Arrays.stream(values()).map(JobKind::value).toList();

	private final String value;

	JobKind(String value) {
		this.value = value;
	}

	String value() {
		return this.value;
	}

	static Optional<JobKind> of(String value) {
		return Arrays.stream(values()).filter((k) -> k.value.equals(value)).findFirst();
	}

}
