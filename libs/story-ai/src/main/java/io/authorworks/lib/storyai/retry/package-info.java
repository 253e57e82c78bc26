/**
 * Retrying transient provider failures with exponential back-off, full jitter and the
 * provider's {@code Retry-After}.
 */
@NullMarked
package io.authorworks.lib.storyai.retry;

import org.jspecify.annotations.NullMarked;
