package io.authorworks.platform.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.authorworks.platform.core.Ids;
import io.authorworks.platform.events.api.DomainEvent;
import io.authorworks.platform.events.api.EventEnvelope;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records domain events in the service's outbox table inside the caller's transaction, so
 * an event is published if and only if the change it describes commits. The
 * {@link OutboxRelay} sends them.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final ObjectMapper mapper;

	private final EventsProperties properties;

	private final @Nullable Tracer tracer;

	private final Runnable wakeRelay;

	private final Clock clock;

	public Outbox(JdbcClient jdbc, ObjectMapper mapper, EventsProperties properties, @Nullable Tracer tracer,
			Runnable wakeRelay, Clock clock) {
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.properties = properties;
		this.tracer = tracer;
		this.wakeRelay = wakeRelay;
		this.clock = clock;
	}

	/**
	 * Adds the event to the current transaction. Calling it outside a transaction is a
	 * programming error: the event could be published for a change that never happened.
	 */
	public EventEnvelope publish(DomainEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Events must be published inside the transaction that makes the change");
		}
		String exchange = this.properties.exchange();
		if (exchange == null || exchange.isBlank()) {
			throw new IllegalStateException("authorworks.events.exchange is not set, so this service cannot publish");
		}
		return insert(exchange, event.eventType(), event);
	}

	/**
	 * Adds a message for a work queue (such as {@code content_generation}) to the current
	 * transaction: the relay sends it through the default exchange with the queue's name
	 * as routing key, so the work exists for a worker if and only if the transaction that
	 * recorded it commits. The message is a CloudEvents envelope like any event; the
	 * queue must be declared (see {@link EventTopology#workQueue}) or the broker drops
	 * it.
	 */
	public EventEnvelope enqueue(String queue, DomainEvent message) {
		if (queue.isBlank()) {
			throw new IllegalArgumentException("A work queue needs a name");
		}
		return insert("", queue, message);
	}

	private EventEnvelope insert(String exchange, String routingKey, DomainEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Events must be published inside the transaction that makes the change");
		}
		EventEnvelope envelope = envelope(event);
		this.jdbc
			.sql("insert into outbox_event (id, exchange, routing_key, envelope, trace_parent, created_at) "
					+ "values (:id, :exchange, :routingKey, cast(:envelope as jsonb), :traceParent, :createdAt)")
			.param("id", envelope.id())
			.param("exchange", exchange)
			.param("routingKey", routingKey)
			.param("envelope", this.mapper.writeValueAsString(envelope))
			.param("traceParent", envelope.traceparent())
			.param("createdAt", java.sql.Timestamp.from(envelope.time()))
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.wakeRelay.run();
			}
		});
		return envelope;
	}

	EventEnvelope envelope(DomainEvent event) {
		UUID id = Ids.newId();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		JsonNode data = this.mapper.valueToTree(event);
		String source = "/services/" + ((this.properties.source() != null) ? this.properties.source() : "unknown");
		return new EventEnvelope("1.0", id, source, event.eventType(), event.subject(), now, "application/json",
				event.dataVersion(), currentTraceParent(), data);
	}

	private @Nullable String currentTraceParent() {
		if (this.tracer == null) {
			return null;
		}
		Span span = this.tracer.currentSpan();
		if (span == null) {
			return null;
		}
		TraceContext context = span.context();
		boolean sampled = Boolean.TRUE.equals(context.sampled());
		return "00-" + context.traceId() + "-" + context.spanId() + "-" + (sampled ? "01" : "00");
	}

}
