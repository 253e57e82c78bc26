package io.authorworks.lib.storyai.engine;

import java.util.List;

import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.cost.Money;
import io.authorworks.lib.storyai.cost.Quote;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;

/**
 * A finished step: what the provider returned, what it cost against what was quoted, and
 * for structured steps the parsed value.
 *
 * @param result the provider's result (text, stop reason, usage, model, offline flag)
 * @param cost the actual cost from the reported usage
 * @param quote the estimate made before the call
 * @param templateId the prompt template and version used
 * @param value the parsed {@link StoryBible}, {@link Outline} or {@link ChapterPlan} for
 * structured steps, otherwise the text
 * @param repairs what had to be fixed in the model's JSON, and why it fell back if it did
 * @param fellBack {@code true} when the model's JSON was unusable and the value comes
 * from the offline generator instead
 */
public record StepOutcome(GenerationResult result, Money cost, Quote quote, String templateId, Object value,
		List<String> repairs, boolean fellBack) {

	public StepOutcome {
		repairs = List.copyOf(repairs);
	}

	public String text() {
		return this.result.text();
	}

	public StoryBible bible() {
		return (StoryBible) this.value;
	}

	public Outline outline() {
		return (Outline) this.value;
	}

	public ChapterPlan chapterPlan() {
		return (ChapterPlan) this.value;
	}

}
