/**
 * Generation jobs: consuming the queue with manual acknowledgements, running steps
 * durably, live events, cancellation and dead-lettering.
 */
@NullMarked
package io.authorworks.worker.content.job;

import org.jspecify.annotations.NullMarked;
