/**
 * The content-worker: runs AI generation jobs from the {@code content_generation} queue.
 */
@NullMarked
package io.authorworks.worker.content;

import org.jspecify.annotations.NullMarked;
