/**
 * Wiring and running: configuration, the route from each step to a provider and model,
 * and the {@link io.authorworks.content.ai.engine.ContentAi} facade that quotes, prompts,
 * retries, streams and parses.
 */
@NullMarked
package io.authorworks.content.ai.engine;

import org.jspecify.annotations.NullMarked;
