package io.authorworks.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox events to RabbitMQ and marks them published once the broker
 * confirms them. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of
 * replicas relay side by side without sending an event twice in the normal case; after a
 * crash between confirm and mark an event may be sent again, which idempotent consumers
 * absorb.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final String CONTENT_TYPE = "application/cloudevents+json";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RabbitTemplate rabbit;

	private final EventsProperties properties;

	private final @Nullable Tracer tracer;

	private final Semaphore wakeUps = new Semaphore(0);

	private final AtomicLong pending = new AtomicLong();

	private volatile boolean running;

	private @Nullable Thread worker;

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, RabbitTemplate rabbit,
			EventsProperties properties, @Nullable Tracer tracer) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.rabbit = rabbit;
		this.properties = properties;
		this.tracer = tracer;
	}

	/** Asks the relay to look for new events now rather than at its next interval. */
	public void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	/**
	 * Unpublished events seen at the last pass, for the
	 * {@code authorworks.outbox.pending} gauge.
	 */
	public long pending() {
		return this.pending.get();
	}

	/**
	 * Publishes everything that is waiting, one batch after another. Returns the number
	 * of events the broker confirmed.
	 */
	public int publishPending() {
		int total = 0;
		while (true) {
			Pass pass = this.transactions.execute((status) -> publishBatch());
			if (pass == null) {
				break;
			}
			total += pass.confirmed();
			// A short batch means the table is drained; an unconfirmed send means the
			// broker is unwell.
			if (pass.claimed() < this.properties.relayBatchSize() || pass.confirmed() < pass.claimed()) {
				break;
			}
		}
		this.pending.set(this.jdbc.sql("select count(*) from outbox_event where published_at is null")
			.query(Long.class)
			.single());
		return total;
	}

	@SuppressWarnings("try") // the trace scope is used for its side effect on the current
								// context
	private Pass publishBatch() {
		List<Row> rows = this.jdbc
			.sql("select id, exchange, routing_key, envelope::text as envelope, trace_parent from outbox_event "
					+ "where published_at is null order by created_at limit :limit for update skip locked")
			.param("limit", this.properties.relayBatchSize())
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("exchange"),
					rs.getString("routing_key"), rs.getString("envelope"), rs.getString("trace_parent")))
			.list();
		List<CorrelationData> confirmations = new ArrayList<>(rows.size());
		for (Row row : rows) {
			CorrelationData correlation = new CorrelationData(row.id().toString());
			// Send inside the producing request's trace, so the publish span and the
			// traceparent
			// the consumer receives continue it rather than starting a trace of their
			// own.
			try (CurrentTraceContext.Scope scope = traceScope(row.traceParent())) {
				this.rabbit.send(row.exchange(), row.routingKey(), message(row), correlation);
			}
			confirmations.add(correlation);
		}
		int confirmed = 0;
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			String failure = awaitConfirm(confirmations.get(i));
			if (failure == null) {
				this.jdbc
					.sql("update outbox_event set published_at = now(), attempts = attempts + 1, last_error = null "
							+ "where id = :id")
					.param("id", row.id())
					.update();
				confirmed++;
			}
			else {
				log.warn("Event {} ({}) was not confirmed by the broker: {}", row.id(), row.routingKey(), failure);
				this.jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :error where id = :id")
					.param("id", row.id())
					.param("error", failure)
					.update();
			}
		}
		return new Pass(rows.size(), confirmed);
	}

	private CurrentTraceContext.Scope traceScope(@Nullable String traceParent) {
		if (this.tracer == null || traceParent == null) {
			return () -> {
			};
		}
		String[] parts = traceParent.split("-");
		if (parts.length != 4 || parts[1].length() != 32 || parts[2].length() != 16) {
			return () -> {
			};
		}
		TraceContext context = this.tracer.traceContextBuilder()
			.traceId(parts[1])
			.spanId(parts[2])
			.sampled("01".equals(parts[3]))
			.build();
		return this.tracer.currentTraceContext().newScope(context);
	}

	private static @Nullable String awaitConfirm(CorrelationData correlation) {
		try {
			CorrelationData.Confirm confirm = correlation.getFuture().get(10, TimeUnit.SECONDS);
			return confirm.ack() ? null : String.valueOf(confirm.reason());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		catch (Exception ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	private static Message message(Row row) {
		org.springframework.amqp.core.MessageBuilderSupport<Message> builder = MessageBuilder
			.withBody(row.envelope().getBytes(StandardCharsets.UTF_8))
			.setContentType(CONTENT_TYPE)
			.setContentEncoding(StandardCharsets.UTF_8.name())
			.setMessageId(row.id().toString())
			.setType(row.routingKey())
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		if (row.traceParent() != null) {
			builder.setHeader("traceparent", row.traceParent());
		}
		return builder.build();
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
	}

	private void loop() {
		Duration interval = this.properties.relayInterval();
		while (this.running) {
			try {
				publishPending();
			}
			catch (RuntimeException ex) {
				log.warn("Outbox relay pass failed; will retry: {}", ex.getMessage());
			}
			try {
				this.wakeUps.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
				this.wakeUps.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.worker != null) {
			this.worker.interrupt();
			try {
				this.worker.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stop before the connection factory and the data source go away.
		return Integer.MAX_VALUE - 1000;
	}

	private record Pass(int claimed, int confirmed) {
	}

	private record Row(UUID id, String exchange, String routingKey, String envelope, @Nullable String traceParent) {
	}

}
