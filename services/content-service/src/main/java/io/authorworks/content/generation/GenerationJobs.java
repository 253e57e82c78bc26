package io.authorworks.content.generation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.authorworks.lib.storyai.offline.StoryStructure;
import io.authorworks.contracts.content.GenerationRequested;
import io.authorworks.contracts.content.jobs.JobEvent;
import io.authorworks.contracts.content.jobs.JobKind;
import io.authorworks.contracts.content.jobs.JobParams;
import io.authorworks.contracts.content.jobs.JobState;
import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.Permission;
import io.authorworks.platform.core.Checks;
import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.events.Outbox;
import io.authorworks.platform.web.security.Caller;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generation jobs as authors see them: quoted before they start, recorded together with
 * their planned steps and their queue message in one transaction (so a job exists if and
 * only if a worker will get it), read with their progress, and cancelled.
 */
@Service
public class GenerationJobs {

	/** The fewest words per generated chapter; the web app uses the same limits. */
	static final int MIN_TARGET_WORDS = 50;

	/** The most words per generated chapter. */
	static final int MAX_TARGET_WORDS = 10_000;

	static final ProblemType TOO_MANY_JOBS = new ProblemType("generation-concurrency-limit",
			"Too many generation jobs at once", 429);

	static final ProblemType JOB_FINISHED = new ProblemType("generation-job-finished",
			"The generation job has already finished", 409);

	private final JobPlanner planner;

	private final JobStore jobs;

	private final SpendLimit spendLimit;

	private final JobStream stream;

	private final BookAccess access;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final GenerationProperties properties;

	private final ObjectMapper mapper;

	GenerationJobs(JobPlanner planner, JobStore jobs, SpendLimit spendLimit, JobStream stream, BookAccess access,
			Outbox outbox, TransactionTemplate transactions, GenerationProperties properties, ObjectMapper mapper) {
		this.planner = planner;
		this.jobs = jobs;
		this.spendLimit = spendLimit;
		this.stream = stream;
		this.access = access;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.mapper = mapper;
	}

	JobViews.JobQuote quote(Caller.User caller, UUID bookId, JobRequest request) {
		this.access.requireGeneration(caller, bookId);
		Checked checked = check(request);
		JobPlan plan = this.planner.plan(bookId, checked.kind(), checked.params(), 0);
		return JobViews.JobQuote.of(plan, this.properties.currency());
	}

	JobStore.JobRow start(Caller.User caller, UUID bookId, JobRequest request) {
		this.access.requireGeneration(caller, bookId);
		Checked checked = check(request);
		long seed = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
		JobPlan plan = this.planner.plan(bookId, checked.kind(), checked.params(), seed);
		JobViews.JobQuote quote = JobViews.JobQuote.of(plan, this.properties.currency());
		UUID id = Ids.newId();
		JobStore.JobRow job = this.transactions.execute((status) -> {
			this.jobs.lockUser(caller.id());
			checkLimits(caller, quote);
			JsonNode params = this.mapper.valueToTree(checked.params());
			this.jobs.insert(id, bookId, caller.id(), plan, seed, params, this.mapper.valueToTree(quote));
			this.outbox.enqueue(GenerationRequested.QUEUE,
					new GenerationRequested(id, bookId, caller.id(), plan.kind().value()));
			JobStore.JobRow created = this.jobs.find(id).orElseThrow();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					GenerationJobs.this.stream.append(id, JobEvent.STATE, stateJson(created), null);
				}
			});
			return created;
		});
		return Objects.requireNonNull(job);
	}

	Found find(Caller.User caller, UUID jobId) {
		JobStore.JobRow job = visible(caller, jobId);
		return new Found(job, this.jobs.steps(jobId));
	}

	List<JobStore.JobRow> page(Caller.User caller, UUID bookId, @Nullable Instant beforeCreated,
			@Nullable UUID beforeId, int limit) {
		this.access.require(caller, bookId, Permission.READ);
		return this.jobs.page(bookId, beforeCreated, beforeId, limit);
	}

	/** The caller's own queued and running jobs in books they can still read. */
	List<JobStore.JobRow> active(Caller.User caller) {
		return this.jobs.active(caller.id(), 100)
			.stream()
			.filter((job) -> this.access.grantOf(caller.id(), job.bookId())
				.filter((g) -> g.allows(Permission.READ))
				.isPresent())
			.toList();
	}

	/** The job if the caller may see it (any member of its book), else 404. */
	JobStore.JobRow visible(Caller.User caller, UUID jobId) {
		JobStore.JobRow job = this.jobs.find(jobId).orElseThrow(GenerationJobs::notFound);
		if (this.access.grantOf(caller.id(), job.bookId()).filter((g) -> g.allows(Permission.READ)).isEmpty()) {
			throw notFound();
		}
		return job;
	}

	JobStore.JobRow cancel(Caller.User caller, UUID jobId) {
		JobStore.JobRow job = visible(caller, jobId);
		if (!job.userId().equals(caller.id())) {
			this.access.require(caller, job.bookId(), Permission.GENERATE);
		}
		if (job.finished()) {
			if (job.state() == JobState.CANCELLED) {
				return job;
			}
			throw new ProblemException(JOB_FINISHED, "This job has already " + job.state().value() + ".");
		}
		if (this.jobs.cancelQueued(jobId)) {
			JobStore.JobRow cancelled = this.jobs.find(jobId).orElseThrow();
			this.stream.append(jobId, JobEvent.CANCELLED, stateJson(cancelled), this.properties.streamTtl());
			return cancelled;
		}
		if (this.jobs.requestCancel(jobId)) {
			this.stream.announceCancel(jobId);
		}
		return this.jobs.find(jobId).orElseThrow();
	}

	String stateJson(JobStore.JobRow job) {
		return this.mapper.writeValueAsString(new StateEvent(job.id(), job.state().value(),
				new JobViews.Progress(job.stepsDone(), job.stepsTotal(), job.currentStep()), job.problem()));
	}

	private void checkLimits(Caller.User caller, JobViews.JobQuote quote) {
		int active = this.jobs.activeJobs(caller.id());
		if (active >= this.properties.maxActiveJobsPerUser()) {
			throw new ProblemException(TOO_MANY_JOBS,
					"You have " + active + " generation jobs queued or running, the most allowed at once is "
							+ this.properties.maxActiveJobsPerUser()
							+ ". Wait for one to finish, or cancel one, and try again.");
		}
		this.spendLimit.require(caller.id(), quote.total().currency(), quote.total().costMicros(),
				"This job is quoted at " + quote.total().display(),
				"Choose fewer or shorter chapters, or wait for next month.");
	}

	private Checked check(JobRequest request) {
		Checks checks = new Checks();
		String kindValue = checks.oneOf("kind", Objects.requireNonNullElse(request.kind(), ""), JobKind.VALUES);
		JobRequest.Params p = (request.params() != null) ? request.params()
				: new JobRequest.Params(null, null, null, null, null, null);
		String premise = checks.optional("params.premise", p.premise(), 4_000);
		String tone = checks.optional("params.tone", p.tone(), 200);
		int chapters = (p.chapters() != null) ? p.chapters() : this.properties.defaultChapters();
		if (chapters < 1 || chapters > this.properties.maxChapters()) {
			checks.add("params.chapters", "Use 1 to " + this.properties.maxChapters() + " chapters.");
		}
		String structure = (p.structure() != null) ? p.structure().strip() : "";
		if (!structure.isEmpty() && StoryStructure.ALL.stream().noneMatch((s) -> s.key().equals(structure))) {
			checks.add("params.structure", "Use one of " + StoryStructure.ALL.stream().map(StoryStructure::key).toList()
					+ ", or leave it out.");
		}
		int words = (p.targetWords() != null) ? p.targetWords() : this.properties.defaultTargetWords();
		if (words < MIN_TARGET_WORDS || words > MAX_TARGET_WORDS) {
			checks.add("params.targetWords",
					"Use " + MIN_TARGET_WORDS + " to " + MAX_TARGET_WORDS + " words per chapter.");
		}
		List<Integer> numbers = (p.chapterNumbers() != null) ? List.copyOf(p.chapterNumbers()) : List.of();
		if (JobKind.CHAPTER_DRAFTS.value().equals(kindValue)
				&& (numbers.isEmpty() || numbers.size() > this.properties.maxChapters())) {
			checks.add("params.chapterNumbers",
					"Name 1 to " + this.properties.maxChapters() + " chapters of the outline to draft.");
		}
		if (numbers.stream().distinct().count() != numbers.size()) {
			checks.add("params.chapterNumbers", "Name each chapter once.");
		}
		checks.throwIfInvalid();
		JobKind kind = JobKind.of(Objects.requireNonNull(kindValue)).orElseThrow();
		return new Checked(kind, new JobParams(Objects.requireNonNullElse(premise, ""),
				Objects.requireNonNullElse(tone, ""), chapters, structure, words, numbers.stream().sorted().toList()));
	}

	static NotFoundException notFound() {
		return new NotFoundException("There is no such generation job.");
	}

	private record Checked(JobKind kind, JobParams params) {
	}

	/** A job with its steps. */
	record Found(JobStore.JobRow job, List<JobStore.StepRow> steps) {
	}

	/**
	 * The {@code state} (and terminal) event.
	 *
	 * @param jobId the job
	 * @param state its state
	 * @param progress its progress
	 * @param problem why it failed, if it did
	 */
	record StateEvent(UUID jobId, String state, JobViews.Progress progress, @Nullable JsonNode problem) {
	}

}
