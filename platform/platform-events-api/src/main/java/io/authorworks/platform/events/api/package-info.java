/**
 * What an event contract needs and nothing more: the {@link DomainEvent} a record
 * implements and the CloudEvents {@link EventEnvelope} its golden samples are written in,
 * so that a consumer of a contract does not take in the outbox, AMQP, JDBC or a driver.
 */
@NullMarked
package io.authorworks.platform.events.api;

import org.jspecify.annotations.NullMarked;
