/**
 * What content-service and content-worker agree on about a generation job besides the
 * queue message: its states and kinds as stored, its parameters, the step names the plan
 * gives and the result reads, and the Redis keys of its live events and of cancellation.
 * Both deployables use these types, so neither can drift from the other by a string.
 */
@NullMarked
package io.authorworks.contracts.content.jobs;

import org.jspecify.annotations.NullMarked;
