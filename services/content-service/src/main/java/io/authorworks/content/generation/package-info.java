/**
 * AI generation jobs: quotes, durable jobs queued for the content-worker, their live
 * progress as server-sent events, cancellation, and the monthly spending limit that
 * interactive assist shares.
 */
@NullMarked
package io.authorworks.content.generation;

import org.jspecify.annotations.NullMarked;
