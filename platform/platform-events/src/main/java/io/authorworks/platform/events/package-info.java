/**
 * Domain events between services: the outbox that publishes them exactly when their
 * transaction commits, the CloudEvents envelope, and the inbox that makes consumers
 * idempotent.
 */
@NullMarked
package io.authorworks.platform.events;

import org.jspecify.annotations.NullMarked;
