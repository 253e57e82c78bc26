package io.authorworks.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.authorworks.platform.events.api.DomainEvent;
import io.authorworks.platform.events.api.EventEnvelope;
import io.authorworks.platform.test.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox against the real PostgreSQL and RabbitMQ: events leave if and only if their
 * transaction commits, consumers apply each event once, and poison messages end in the
 * DLQ.
 */
@IntegrationTest(properties = { "spring.main.web-application-type=none", "authorworks.events.source=evtest",
		"authorworks.events.exchange=" + OutboxIntegrationTests.PRODUCER + ".events",
		"authorworks.events.relay-interval=200ms", "authorworks.events.max-retries=2",
		"authorworks.events.initial-backoff=20ms", "LOG_FORMAT=text" })
class OutboxIntegrationTests {

	static final String PRODUCER = "evtest";

	static final String QUEUE = "evconsumer." + PRODUCER + ".notes";

	static final String WORK_QUEUE = "evtest_work";

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Outbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	NoteConsumer consumer;

	@Autowired
	ObjectMapper mapper;

	@Test
	void committedEventReachesTheConsumerInACloudEventsEnvelope() {
		UUID noteId = UUID.randomUUID();
		EventEnvelope sent = this.transactions.execute((status) -> createNote(noteId, "Chapter one"));
		await().atMost(Duration.ofSeconds(10)).until(() -> seen(noteId) == 1);
		EventEnvelope received = this.consumer.last;
		assertThat(received).isNotNull();
		assertThat(received.id()).isEqualTo(sent.id());
		assertThat(received.specversion()).isEqualTo("1.0");
		assertThat(received.type()).isEqualTo("note.created");
		assertThat(received.source()).isEqualTo("/services/evtest");
		assertThat(received.subject()).isEqualTo("notes/" + noteId);
		assertThat(received.data().get("title").asString()).isEqualTo("Chapter one");
		assertThat(this.jdbc.sql("select count(*) from outbox_event where id = :id and published_at is not null")
			.param("id", sent.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void rolledBackChangePublishesNothing() {
		UUID noteId = UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.execute((status) -> {
			createNote(noteId, "Never happened");
			throw new IllegalStateException("the business rule failed");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(this.jdbc.sql("select count(*) from outbox_event where envelope->>'subject' = :subject")
			.param("subject", "notes/" + noteId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void publishingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> this.outbox.publish(new NoteCreated(UUID.randomUUID(), "x")))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void redeliveredEventIsAppliedOnce() {
		UUID noteId = UUID.randomUUID();
		EventEnvelope sent = this.transactions.execute((status) -> createNote(noteId, "Twice"));
		await().atMost(Duration.ofSeconds(10)).until(() -> seen(noteId) == 1);
		String body = this.jdbc.sql("select envelope::text from outbox_event where id = :id")
			.param("id", sent.id())
			.query(String.class)
			.single();
		int before = this.consumer.deliveries.get();
		this.rabbit.convertAndSend(PRODUCER + ".events", "note.created", body);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.consumer.deliveries.get() > before);
		assertThat(seen(noteId)).isEqualTo(1);
	}

	@Test
	void poisonMessageEndsInTheDeadLetterQueueWithItsReason() {
		UUID noteId = UUID.randomUUID();
		this.transactions.execute((status) -> createNote(noteId, "poison"));
		Message dead = this.rabbit.receive(QUEUE + ".dlq", 15_000);
		assertThat(dead).isNotNull();
		assertThat(dead.getMessageProperties().<String>getHeader("x-exception-message")).contains("poison");
		assertThat(this.consumer.poisonAttempts.get()).isEqualTo(3);
	}

	@Test
	void enqueuedWorkReachesItsQueueOnlyWhenTheTransactionCommits() {
		UUID kept = UUID.randomUUID();
		UUID dropped = UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.execute((status) -> {
			this.outbox.enqueue(WORK_QUEUE, new NoteCreated(dropped, "rolled back"));
			throw new IllegalStateException("the business rule failed");
		})).isInstanceOf(IllegalStateException.class);
		EventEnvelope sent = this.transactions
			.execute((status) -> this.outbox.enqueue(WORK_QUEUE, new NoteCreated(kept, "work")));
		Message received = this.rabbit.receive(WORK_QUEUE, 10_000);
		assertThat(received).isNotNull();
		assertThat(received.getMessageProperties().getMessageId()).isEqualTo(sent.id().toString());
		assertThat(received.getMessageProperties().getReceivedDeliveryMode())
			.isEqualTo(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
		EventEnvelope envelope = this.mapper.readValue(received.getBody(), EventEnvelope.class);
		assertThat(envelope.subject()).isEqualTo("notes/" + kept);
		assertThat(this.rabbit.receive(WORK_QUEUE, 500)).as("the rolled-back work never leaves").isNull();
	}

	private EventEnvelope createNote(UUID id, String title) {
		this.jdbc.sql("insert into note (id, title) values (:id, :title)")
			.param("id", id)
			.param("title", title)
			.update();
		return this.outbox.publish(new NoteCreated(id, title));
	}

	private long seen(UUID noteId) {
		return this.jdbc.sql("select count(*) from note_seen where note_id = :id")
			.param("id", noteId)
			.query(Long.class)
			.single();
	}

	record NoteCreated(UUID noteId, String title) implements DomainEvent {

		@Override
		public String eventType() {
			return "note.created";
		}

		@Override
		public String subject() {
			return "notes/" + this.noteId;
		}

	}

	@SpringBootApplication
	@Import(NoteConsumer.class)
	static class TestApp {

		@Bean
		Declarables noteSubscription(AmqpAdmin admin) {
			Declarables declarables = EventTopology.subscription("evconsumer", PRODUCER, "notes", "note.created");
			admin.deleteQueue(QUEUE);
			admin.deleteQueue(QUEUE + ".dlq");
			return declarables;
		}

		@Bean
		Declarables workQueue(AmqpAdmin admin) {
			admin.deleteQueue(WORK_QUEUE);
			admin.deleteQueue(WORK_QUEUE + ".dlq");
			return EventTopology.workQueue(WORK_QUEUE);
		}

	}

	@Component
	static class NoteConsumer {

		final AtomicInteger deliveries = new AtomicInteger();

		final AtomicInteger poisonAttempts = new AtomicInteger();

		volatile @Nullable EventEnvelope last;

		private final Inbox inbox;

		private final JdbcClient jdbc;

		private final ObjectMapper mapper;

		private final TransactionTemplate transactions;

		NoteConsumer(Inbox inbox, JdbcClient jdbc, ObjectMapper mapper, TransactionTemplate transactions) {
			this.transactions = transactions;
			this.inbox = inbox;
			this.jdbc = jdbc;
			this.mapper = mapper;
		}

		@RabbitListener(queues = QUEUE)
		void on(String body) {
			this.transactions.executeWithoutResult((status) -> apply(body));
		}

		private void apply(String body) {
			EventEnvelope event = this.mapper.readValue(body, EventEnvelope.class);
			this.deliveries.incrementAndGet();
			NoteCreated note = event.dataAs(this.mapper, NoteCreated.class);
			if (note.title().equals("poison")) {
				this.poisonAttempts.incrementAndGet();
				throw new IllegalStateException("cannot digest poison");
			}
			if (!this.inbox.firstDelivery("evconsumer", event)) {
				return;
			}
			this.jdbc.sql("insert into note_seen (event_id, note_id) values (:event, :note)")
				.param("event", event.id())
				.param("note", note.noteId())
				.update();
			this.last = event;
		}

	}

}
