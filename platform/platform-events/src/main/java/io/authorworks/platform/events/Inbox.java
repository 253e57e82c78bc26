package io.authorworks.platform.events;

import java.util.UUID;

import io.authorworks.platform.events.api.EventEnvelope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers which events a consumer has applied. Call {@link #firstDelivery} inside the
 * transaction that applies the event: a redelivered or duplicated event then changes
 * nothing.
 */
public class Inbox {

	private final JdbcClient jdbc;

	public Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event for this consumer and answers whether this is the first time it
	 * was seen.
	 */
	public boolean firstDelivery(String consumer, EventEnvelope event) {
		return firstDelivery(consumer, event.id(), event.type());
	}

	public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The inbox must be written in the transaction that applies the event");
		}
		int inserted = this.jdbc
			.sql("insert into inbox_event (consumer, event_id, event_type) values (:consumer, :id, :type) "
					+ "on conflict do nothing")
			.param("consumer", consumer)
			.param("id", eventId)
			.param("type", eventType)
			.update();
		return inserted == 1;
	}

}
