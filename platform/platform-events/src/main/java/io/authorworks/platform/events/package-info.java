/**
 * Domain events between services: the outbox that publishes them, in the CloudEvents
 * envelope of {@code io.authorworks.platform.events.api}, exactly when their transaction
 * commits, and the inbox that makes consumers idempotent.
 */
@NullMarked
package io.authorworks.platform.events;

import org.jspecify.annotations.NullMarked;
