/**
 * Wiring and running: configuration, the route from each step to a provider and model,
 * and the {@link io.authorworks.lib.storyai.engine.ContentAi} facade that quotes,
 * prompts, retries, streams and parses.
 */
@NullMarked
package io.authorworks.lib.storyai.engine;

import org.jspecify.annotations.NullMarked;
