/**
 * The content-worker: runs AI generation jobs from the {@code content_generation} queue.
 */
@NullMarked
package io.authorworks.content.worker;

import org.jspecify.annotations.NullMarked;
