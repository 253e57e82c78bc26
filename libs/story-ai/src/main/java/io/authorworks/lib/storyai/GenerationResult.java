package io.authorworks.lib.storyai;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one completed generation.
 *
 * @param text the full generated text
 * @param stopReason why the model stopped
 * @param usage tokens consumed
 * @param provider the provider that produced it, such as {@code anthropic}
 * @param model the model that produced it, as the provider named it
 * @param offline {@code true} when no language model was involved
 * @param notice a short label to show beside the text, present for offline output
 */
public record GenerationResult(String text, StopReason stopReason, Usage usage, String provider, String model,
		boolean offline, @Nullable String notice) {

	/** The label the UI shows beside anything the offline generator wrote. */
	public static final String OFFLINE_NOTICE = "Offline draft: written without an AI model, from story templates and your own text.";

	/**
	 * What the UI shows when the offline generator wrote nothing: it works from the
	 * author's own prose and had too little of it.
	 */
	public static final String OFFLINE_TOO_LITTLE_TEXT = "Offline writer: nothing written. Without an AI model it works "
			+ "from your own prose; select or write a few more sentences (or add a sample passage to the style guide) "
			+ "and try again.";

	public static GenerationResult online(String text, StopReason stopReason, Usage usage, String provider,
			String model) {
		return new GenerationResult(text, stopReason, usage, provider, model, false, null);
	}

}
