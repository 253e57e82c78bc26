/**
 * The offline provider: useful, honest output without a language model, built from story
 * structures, the story bible and the author's own text, deterministic for a seed.
 */
@NullMarked
package io.authorworks.lib.storyai.offline;

import org.jspecify.annotations.NullMarked;
