package io.authorworks.contracts.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * A generation job ended (succeeded, failed or was cancelled) and this is what it
 * consumed: the subscription service charges credits from it. Usage is reported for
 * failed and cancelled jobs too, since the provider charged for the calls that ran.
 *
 * @param jobId the job
 * @param bookId the book it wrote into
 * @param userId who asked for it and is charged
 * @param kind the {@link io.authorworks.contracts.content.jobs.JobKind#value() kind} of
 * job
 * @param outcome the {@link io.authorworks.contracts.content.jobs.JobState#value() state}
 * it ended in: {@code succeeded}, {@code failed} or {@code cancelled}
 * @param inputTokens prompt tokens over all calls
 * @param outputTokens generated tokens over all calls
 * @param costMicros the provider cost in millionths of {@code currency}
 * @param currency ISO 4217 code
 * @param models usage per provider and model
 * @param completedAt when the job ended
 */
public record GenerationCompleted(UUID jobId, UUID bookId, UUID userId, String kind, String outcome, long inputTokens,
		long outputTokens, long costMicros, String currency, List<ModelUsage> models,
		Instant completedAt) implements DomainEvent {

	public static final String TYPE = "generation.completed";

	public GenerationCompleted {
		models = List.copyOf(models);
	}

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "generation-jobs/" + this.jobId;
	}

	/**
	 * What one model consumed in the job.
	 *
	 * @param provider {@code anthropic}, {@code openai} or {@code offline}
	 * @param model the model name
	 * @param inputTokens prompt tokens
	 * @param outputTokens generated tokens
	 * @param costMicros cost in millionths of the event's currency
	 */
	public record ModelUsage(String provider, String model, long inputTokens, long outputTokens, long costMicros) {
	}

}
