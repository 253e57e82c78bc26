/**
 * The offline provider: useful, honest output without a language model, built from story
 * structures, the story bible and the author's own text, deterministic for a seed.
 */
@NullMarked
package io.authorworks.content.ai.offline;

import org.jspecify.annotations.NullMarked;
