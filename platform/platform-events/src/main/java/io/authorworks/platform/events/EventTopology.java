package io.authorworks.platform.events;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * The naming and declaration conventions of {@code docs/events.md}: one durable topic
 * exchange per producer, consumer-owned queues named
 * {@code <consumer>.<producer>.<purpose>}, each with a {@code .dlq}.
 */
public final class EventTopology {

	private EventTopology() {
	}

	/** {@code users} → {@code users.events}. */
	public static String exchangeOf(String producer) {
		return producer + ".events";
	}

	public static String deadLetterQueue(String queue) {
		return queue + ".dlq";
	}

	/** The producer's exchange, durable, never auto-deleted. */
	public static TopicExchange exchange(String exchangeName) {
		return new TopicExchange(exchangeName, true, false);
	}

	/**
	 * A consumer's durable queue bound to a producer's exchange for the given event
	 * types, with its dead-letter queue. Rejected messages (after the retries) land in
	 * the dead-letter queue.
	 */
	public static Declarables subscription(String consumer, String producer, String purpose, String... eventTypes) {
		return subscription(true, consumer, producer, purpose, eventTypes);
	}

	/**
	 * As {@link #subscription(String, String, String, String...)}, choosing whether the
	 * broker dead-letters rejected messages too
	 * ({@link EventsProperties#brokerDeadLettering()}).
	 */
	public static Declarables subscription(boolean brokerDeadLettering, String consumer, String producer,
			String purpose, String... eventTypes) {
		String name = consumer + "." + producer + "." + purpose;
		TopicExchange exchange = exchange(exchangeOf(producer));
		Queue deadLetters = QueueBuilder.durable(deadLetterQueue(name)).build();
		Queue queue = queue(name, brokerDeadLettering);
		List<Declarable> declarables = new ArrayList<>(List.of(exchange, queue, deadLetters));
		for (String type : eventTypes) {
			Binding binding = BindingBuilder.bind(queue).to(exchange).with(type);
			declarables.add(binding);
		}
		return new Declarables(declarables);
	}

	/**
	 * A durable work queue (e.g. {@code content_generation}) with its dead-letter queue.
	 */
	public static Declarables workQueue(String name) {
		return workQueue(name, true);
	}

	/**
	 * As {@link #workQueue(String)}, choosing whether the broker dead-letters rejected
	 * messages too ({@link EventsProperties#brokerDeadLettering()}).
	 */
	public static Declarables workQueue(String name, boolean brokerDeadLettering) {
		Queue deadLetters = QueueBuilder.durable(deadLetterQueue(name)).build();
		return new Declarables(queue(name, brokerDeadLettering), deadLetters);
	}

	private static Queue queue(String name, boolean brokerDeadLettering) {
		QueueBuilder builder = QueueBuilder.durable(name);
		if (brokerDeadLettering) {
			builder.withArgument("x-dead-letter-exchange", "")
				.withArgument("x-dead-letter-routing-key", deadLetterQueue(name));
		}
		return builder.build();
	}

}
