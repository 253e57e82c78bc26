package io.authorworks.content.generation;

import io.authorworks.lib.storyai.Step;
import io.authorworks.lib.storyai.cost.Quote;
import org.jspecify.annotations.Nullable;

/**
 * One step of a job as planned before it runs, with its quote.
 *
 * @param index 0-based order in the job
 * @param name a readable name such as {@code chapter-3-prose}
 * @param step the AI step it runs, or {@code null} for a step without a model (the final
 * check)
 * @param chapter the outline chapter it works on, if any
 * @param quote the estimate for the provider and model that will serve it
 */
record PlannedStep(int index, String name, @Nullable Step step, @Nullable Integer chapter, Quote quote) {
}
