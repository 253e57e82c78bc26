/**
 * Deterministic prompt context for a chapter: the relevant part of the bible, the
 * outline, rolling summaries and the end of the previous chapter, within a token budget.
 */
@NullMarked
package io.authorworks.lib.storyai.context;

import org.jspecify.annotations.NullMarked;
