package io.authorworks.platform.events;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;

/**
 * After the last failed attempt, moves a message to its queue's dead-letter queue
 * ({@code <queue>.dlq}) with the failure reason in {@code x-exception-message}, where an
 * admin can inspect and replay it.
 */
public class DeadLetterRecoverer extends RepublishMessageRecoverer {

	public DeadLetterRecoverer(RabbitTemplate template) {
		super(template, "");
	}

	@Override
	protected String prefixedOriginalRoutingKey(Message message) {
		MessageProperties properties = message.getMessageProperties();
		String queue = properties.getConsumerQueue();
		String origin = (queue != null) ? queue : properties.getReceivedRoutingKey();
		if (origin == null) {
			throw new IllegalStateException(
					"A message that names neither its queue nor its routing key has no dead-letter queue");
		}
		return EventTopology.deadLetterQueue(origin);
	}

}
