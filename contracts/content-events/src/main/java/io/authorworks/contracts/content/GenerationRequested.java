package io.authorworks.contracts.content;

import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * A generation job was recorded and waits for a worker: the message on the
 * {@code content_generation} work queue. It carries only ids; the worker reads the job,
 * its planned steps and the book from the content schema.
 *
 * @param jobId the job
 * @param bookId the book it writes into
 * @param userId who asked for it (and pays for it)
 * @param kind the {@link io.authorworks.contracts.content.jobs.JobKind#value() kind}:
 * {@code bible}, {@code synopsis}, {@code outline}, {@code chapter-drafts} or
 * {@code full-book}
 */
public record GenerationRequested(UUID jobId, UUID bookId, UUID userId, String kind) implements DomainEvent {

	public static final String TYPE = "generation.requested";

	/** The durable work queue the content-worker consumes. */
	public static final String QUEUE = "content_generation";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "generation-jobs/" + this.jobId;
	}

}
