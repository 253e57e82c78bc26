package io.authorworks.worker.content.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.contracts.content.jobs.JobEvent;
import io.authorworks.contracts.content.jobs.JobState;
import io.authorworks.contracts.content.jobs.StepNames;
import io.authorworks.lib.storyai.AiException;
import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.GenerationCancelledException;
import io.authorworks.lib.storyai.PermanentAiException;
import io.authorworks.platform.core.ProblemType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one delivery of a job to a final answer for the broker: run the job to a terminal
 * state (resuming after its last finished step), or hand back a message whose run broke
 * unexpectedly, or send it to the dead-letter queue when the provider gave up or the
 * message came too often.
 */
@Component
class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	static final ProblemType GENERATION_FAILED = new ProblemType("generation-failed", "The generation failed", 502);

	private final JobRecords records;

	private final StepExecutor executor;

	private final LiveEvents events;

	private final Cancellations cancellations;

	private final TransactionTemplate transactions;

	private final WorkerProperties properties;

	private final ObjectMapper mapper;

	JobRunner(JobRecords records, StepExecutor executor, LiveEvents events, Cancellations cancellations,
			TransactionTemplate transactions, WorkerProperties properties, ObjectMapper mapper) {
		this.records = records;
		this.executor = executor;
		this.events = events;
		this.cancellations = cancellations;
		this.transactions = transactions;
		this.properties = properties;
		this.mapper = mapper;
	}

	/** What to tell the broker about a delivery. */
	sealed interface Outcome permits Done, DeadLetter {

	}

	/** Acknowledge: the job is in a terminal state, or someone else is running it. */
	record Done() implements Outcome {
	}

	/**
	 * Move the message to the dead-letter queue (then acknowledge).
	 *
	 * @param jobId the job
	 * @param reason the reason, readable by a person
	 */
	record DeadLetter(UUID jobId, String reason) implements Outcome {
	}

	Outcome process(UUID jobId, boolean redelivered) {
		try (JobRecords.JobLock lock = this.records.lock(jobId)) {
			if (redelivered) {
				log.info("Job {} delivered again: the worker that had it stopped or handed it back", jobId);
			}
			if (!lock.held()) {
				// Another worker runs this job; its own delivery stays unacknowledged
				// until
				// the job ends, so this duplicate can go.
				log.info("Job {} is running elsewhere; dropping a duplicate delivery", jobId);
				return new Done();
			}
			JobRecords.Job job = this.records.job(jobId).orElse(null);
			if (job == null) {
				// Deleted with its book, or sent by another deployment sharing the
				// broker: say so, since the message is gone after this.
				log.warn("Job {} is not in this worker's database; dropping its message", jobId);
				return new Done();
			}
			if (job.finished()) {
				if (job.state() == JobState.FAILED && !job.deadLettered()) {
					return new DeadLetter(jobId, detail(job.problem()));
				}
				return new Done();
			}
			int deliveries = this.records.countDelivery(jobId);
			if (deliveries > this.properties.maxDeliveries()) {
				String reason = "The job could not be completed after " + (deliveries - 1)
						+ " attempts; please try again later.";
				log.warn("Job {} failed: delivered {} times, more than the {} allowed", jobId, deliveries,
						this.properties.maxDeliveries());
				fail(job, problem(GENERATION_FAILED, reason));
				return new DeadLetter(jobId, reason);
			}
			return run(job, deliveries);
		}
	}

	private Outcome run(JobRecords.Job job, int delivery) {
		CancellationToken token = this.cancellations.register(job.id());
		long began = System.nanoTime();
		try {
			if (!this.records.markRunning(job.id())) {
				return new Done();
			}
			this.events.send(job.id(), JobEvent.STATE, Map.of("jobId", job.id(), "state", JobState.RUNNING.value()));
			List<JobRecords.StepRow> steps = this.records.steps(job.id());
			logStart(job, steps, delivery);
			for (JobRecords.StepRow step : steps) {
				if (step.succeeded()) {
					continue;
				}
				if (token.isCancelled() || this.records.cancelRequested(job.id())) {
					throw new GenerationCancelledException();
				}
				pause(token);
				this.records.startStep(job.id(), step.index(), step.name());
				this.events.send(job.id(), JobEvent.STEP_STARTED,
						Map.of("index", step.index(), "name", step.name(), "total", steps.size()));
				LiveEvents.DeltaSink sink = this.events.deltas(job.id(), step.index());
				JobRecords.Progress progress = this.executor.execute(job, step, token, sink);
				this.events.send(job.id(), JobEvent.STEP_FINISHED, Map.of("index", step.index(), "name", step.name()));
				this.events.send(job.id(), JobEvent.PROGRESS, progress);
			}
			JsonNode result = result(job);
			this.transactions.executeWithoutResult((status) -> this.records.end(job, JobState.SUCCEEDED, result, null));
			this.events.end(job.id(), JobEvent.COMPLETED,
					Map.of("jobId", job.id(), "state", JobState.SUCCEEDED.value(), "result", result));
			log.info("Job {} succeeded: {} steps, this run took {} ms", job.id(), steps.size(), millisSince(began));
			return new Done();
		}
		catch (GenerationCancelledException ex) {
			log.info("Job {} cancelled while it ran, after {} ms", job.id(), millisSince(began));
			JsonNode problem = problem(GenerationCancelledException.PROBLEM, "Cancelled while it ran.");
			this.transactions
				.executeWithoutResult((status) -> this.records.end(job, JobState.CANCELLED, null, problem));
			this.events.end(job.id(), JobEvent.CANCELLED,
					Map.of("jobId", job.id(), "state", JobState.CANCELLED.value(), "problem", problem));
			return new Done();
		}
		catch (PermanentAiException ex) {
			log.warn("Job {} failed: {} ({} attempts)", job.id(), ex.userMessage(), ex.attempts());
			fail(job, problem(ex));
			return new DeadLetter(job.id(), ex.userMessage());
		}
		finally {
			this.cancellations.unregister(job.id());
		}
	}

	private static void logStart(JobRecords.Job job, List<JobRecords.StepRow> steps, int delivery) {
		JobRecords.StepRow next = steps.stream().filter((s) -> !s.succeeded()).findFirst().orElse(null);
		long done = steps.stream().filter(JobRecords.StepRow::succeeded).count();
		if (done == 0) {
			log.info("Job {} started: {} with {} steps (delivery {})", job.id(), job.kind().value(), steps.size(),
					delivery);
		}
		else {
			log.info("Job {} resumes at step {} of {} ({}) after {} finished steps (delivery {})", job.id(),
					(next != null) ? next.index() + 1 : steps.size(), steps.size(),
					(next != null) ? next.name() : "none left", done, delivery);
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private void fail(JobRecords.Job job, JsonNode problem) {
		this.transactions.executeWithoutResult((status) -> this.records.end(job, JobState.FAILED, null, problem));
		this.events.end(job.id(), JobEvent.FAILED,
				Map.of("jobId", job.id(), "state", JobState.FAILED.value(), "problem", problem));
	}

	private void pause(CancellationToken token) {
		Duration delay = this.properties.stepDelay();
		if (!delay.isZero() && token.awaitCancellation(delay)) {
			throw new GenerationCancelledException();
		}
	}

	private JsonNode result(JobRecords.Job job) {
		Map<String, Object> result = new LinkedHashMap<>();
		for (JobRecords.StepRow step : this.records.steps(job.id())) {
			if (step.output() == null) {
				continue;
			}
			if (StepNames.isStoryPart(step.name())) {
				result.put(step.name(), step.output());
			}
		}
		result.put("chapters", this.executorChapters(job));
		return this.mapper.valueToTree(result);
	}

	private List<Map<String, Object>> executorChapters(JobRecords.Job job) {
		return this.records.steps(job.id())
			.stream()
			.filter((s) -> StepNames.isChapterProse(s.name()) && s.output() != null)
			.map((s) -> Map.<String, Object>of("number", s.chapter(), "chapterId",
					s.output().path("chapterId").asString(), "title", s.output().path("title").asString()))
			.toList();
	}

	private JsonNode problem(AiException ex) {
		return problem(ex.type(), ex.userMessage());
	}

	private JsonNode problem(ProblemType type, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.uri().toString());
		problem.put("title", type.title());
		problem.put("status", type.status());
		problem.put("detail", detail);
		return this.mapper.valueToTree(problem);
	}

	private static String detail(@Nullable JsonNode problem) {
		return (problem != null) ? problem.path("detail").asString("The generation failed.") : "The generation failed.";
	}

}
