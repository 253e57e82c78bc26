/**
 * Generation jobs: consuming the queue with manual acknowledgements, running steps
 * durably, live events, cancellation and dead-lettering.
 */
@NullMarked
package io.authorworks.content.worker.job;

import org.jspecify.annotations.NullMarked;
