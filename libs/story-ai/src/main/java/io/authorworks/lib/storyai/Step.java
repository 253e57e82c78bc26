package io.authorworks.lib.storyai;

import java.util.Locale;

/**
 * The kinds of generation the platform runs: interactive operations on a selection, and
 * the steps of generation jobs. Each has its own route to a provider and model
 * ({@code authorworks.ai.models.<key>}) and its own prompt template.
 */
public enum Step {

	BRAINSTORM(false), REWRITE(false), EXPAND(false), SHORTEN(false), DESCRIBE(false), CONTINUE(false),

	BIBLE(true), SYNOPSIS(false), OUTLINE(true), CHAPTER_PLAN(true), CHAPTER_PROSE(false), CHAPTER_SUMMARY(false);

	private final boolean structured;

	Step(boolean structured) {
		this.structured = structured;
	}

	/** Whether the step asks for JSON that is parsed into a record. */
	public boolean structured() {
		return this.structured;
	}

	/** The configuration key: {@code chapter-prose} for {@link #CHAPTER_PROSE}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Whether this is one of the interactive operations on a selection. */
	public boolean onSelection() {
		return ordinal() <= CONTINUE.ordinal();
	}

	public static Step fromKey(String key) {
		return valueOf(key.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
