package io.authorworks.worker.content.job;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import io.authorworks.contracts.content.GenerationRequested;
import io.authorworks.platform.events.api.EventEnvelope;
import io.authorworks.platform.events.EventTopology;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code content_generation} with manual acknowledgements: a message is
 * acknowledged only once its job is in a terminal state (or handed to the dead-letter
 * queue, confirmed by the broker, with the reason in {@code x-exception-message}). A
 * worker that dies mid-job never acknowledged, so the broker delivers the message again
 * and the job resumes. Everything logged while a job's message is handled carries the job
 * id ({@value #MDC_JOB_ID}) and, through the listener's observation, the trace the job
 * was started in ({@code traceId}, continued from the message's {@code traceparent}).
 */
@Component
class JobConsumer {

	private static final Logger log = LoggerFactory.getLogger(JobConsumer.class);

	static final String DEAD_LETTERS = EventTopology.deadLetterQueue(GenerationRequested.QUEUE);

	/** The log context key of the job being handled. */
	static final String MDC_JOB_ID = "jobId";

	private final JobRunner runner;

	private final JobRecords records;

	private final RabbitTemplate rabbit;

	private final ObjectMapper mapper;

	private final WorkerProperties properties;

	JobConsumer(JobRunner runner, JobRecords records, RabbitTemplate rabbit, ObjectMapper mapper,
			WorkerProperties properties) {
		this.runner = runner;
		this.records = records;
		this.rabbit = rabbit;
		this.mapper = mapper;
		this.properties = properties;
	}

	@RabbitListener(queues = GenerationRequested.QUEUE, containerFactory = WorkerConfiguration.LISTENER_FACTORY)
	@SuppressWarnings("try") // the log context is used for its side effect on every line
	void onMessage(Message message, Channel channel) throws IOException {
		long tag = message.getMessageProperties().getDeliveryTag();
		UUID jobId;
		try {
			EventEnvelope envelope = this.mapper.readValue(message.getBody(), EventEnvelope.class);
			jobId = envelope.dataAs(this.mapper, GenerationRequested.class).jobId();
		}
		catch (RuntimeException ex) {
			deadLetter(message, "Unreadable generation message: " + ex.getMessage(), null);
			channel.basicAck(tag, false);
			return;
		}
		try (MDC.MDCCloseable context = MDC.putCloseable(MDC_JOB_ID, jobId.toString())) {
			handle(message, channel, tag, jobId);
		}
	}

	private void handle(Message message, Channel channel, long tag, UUID jobId) throws IOException {
		try {
			JobRunner.Outcome outcome = this.runner.process(jobId,
					Boolean.TRUE.equals(message.getMessageProperties().isRedelivered()));
			if (outcome instanceof JobRunner.DeadLetter dead) {
				deadLetter(message, dead.reason(), jobId);
				this.records.markDeadLettered(jobId);
			}
			channel.basicAck(tag, false);
		}
		catch (RuntimeException ex) {
			// Not the provider's failure (it would have been a PermanentAiException): the
			// database or broker may be down. Hand the message back after a pause; the
			// delivery count bounds how often this happens.
			log.warn("Job {} broke off, handing its message back: {}", jobId, ex.toString());
			sleep(this.properties.redeliveryBackoff());
			channel.basicNack(tag, false, true);
		}
	}

	/** Publishes to the DLQ and waits for the broker's confirm, so nothing is lost. */
	private void deadLetter(Message message, String reason, @Nullable UUID jobId) {
		Message dead = MessageBuilder.fromMessage(message)
			.setHeader("x-exception-message", reason)
			.setHeader("x-original-queue", GenerationRequested.QUEUE)
			.setHeaderIfAbsent("x-job-id", (jobId != null) ? jobId.toString() : "")
			.build();
		CorrelationData correlation = new CorrelationData();
		this.rabbit.send("", DEAD_LETTERS, dead, correlation);
		try {
			CorrelationData.Confirm confirm = correlation.getFuture().get(10, TimeUnit.SECONDS);
			if (!confirm.ack()) {
				throw new IllegalStateException("The broker refused the dead letter: " + confirm.reason());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while dead-lettering", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The dead letter was not confirmed", ex);
		}
		log.warn("Moved the message of job {} to {}: {}", jobId, DEAD_LETTERS, reason);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
