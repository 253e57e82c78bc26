package io.authorworks.platform.events;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this deployable publishes and consumes events.
 *
 * @param source this service's name in the envelope's {@code source}, e.g. {@code users}
 * @param exchange the topic exchange it publishes to, e.g. {@code users.events}; none for
 * pure consumers
 * @param relayInterval how often the relay looks for unpublished events when nobody wakes
 * it
 * @param relayBatchSize how many events one relay pass sends
 * @param maxRetries redeliveries after a failed first attempt before the message goes to
 * the dead-letter queue (4, so 5 attempts in all)
 * @param initialBackoff the first retry delay, doubled on every attempt
 * @param brokerDeadLettering whether queues also ask the broker to dead-letter rejected
 * messages to their {@code .dlq} (RabbitMQ's {@code x-dead-letter-*} arguments); off only
 * for brokers that refuse those arguments, such as the all-in-one mode's embedded Qpid,
 * where the platform's own republish-then-ack path still moves failed messages to the
 * {@code .dlq}
 */
@ConfigurationProperties("authorworks.events")
public record EventsProperties(@Nullable String source, @Nullable String exchange,
		@DefaultValue("1s") Duration relayInterval, @DefaultValue("100") int relayBatchSize,
		@DefaultValue("4") int maxRetries, @DefaultValue("200ms") Duration initialBackoff,
		@DefaultValue("true") boolean brokerDeadLettering) {
}
