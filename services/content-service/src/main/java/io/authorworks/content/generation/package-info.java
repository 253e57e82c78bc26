/**
 * AI generation: quotes, durable generation jobs queued for the content-worker, their
 * live progress as server-sent events, cancellation, interactive assist, and the
 * provenance of generated text.
 */
@NullMarked
package io.authorworks.content.generation;

import org.jspecify.annotations.NullMarked;
