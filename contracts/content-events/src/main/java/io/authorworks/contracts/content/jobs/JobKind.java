package io.authorworks.contracts.content.jobs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a generation job produces, as requested in the API, stored in
 * {@code generation_jobs.kind} (whose check constraint lists exactly these values) and
 * carried in {@code GenerationRequested} and {@code GenerationCompleted}.
 */
public enum JobKind {

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

	/** Every stored value, in order. */
	public static final List<String> VALUES = Arrays.stream(values()).map(JobKind::value).toList();

	private final String value;

	JobKind(String value) {
		this.value = value;
	}

	/** The stored and wire form, such as {@code full-book}. */
	public String value() {
		return this.value;
	}

	/** The kind named {@code value}, if there is one. */
	public static Optional<JobKind> of(String value) {
		return Arrays.stream(values()).filter((k) -> k.value.equals(value)).findFirst();
	}

}
