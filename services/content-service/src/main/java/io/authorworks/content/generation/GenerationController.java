package io.authorworks.content.generation;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.contracts.content.jobs.JobEvent;
import io.authorworks.contracts.content.jobs.JobState;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.EventStream;
import io.authorworks.platform.web.ProblemResponse;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quotes, generation jobs, their live events and cancellation.
 */
@RestController
@Tag(name = "Generation", description = "AI generation jobs: quote, start, follow live, cancel")
class GenerationController {

	static final ProblemType KEY_REQUIRED = new ProblemType("idempotency-key-required",
			"This request needs an Idempotency-Key header", 428);

	private final GenerationJobs jobs;

	private final JobStream stream;

	private final GenerationProperties properties;

	GenerationController(GenerationJobs jobs, JobStream stream, GenerationProperties properties) {
		this.jobs = jobs;
		this.stream = stream;
		this.properties = properties;
	}

	@PostMapping("/content/books/{bookId}/generation/quote")
	@Operation(summary = "Quote a generation job without starting it",
			description = "Estimated input and output tokens and cost per step and in total, with the model each "
					+ "step would use now. Needs the generate permission.")
	JobViews.JobQuote quote(Caller.User user, @PathVariable UUID bookId, @RequestBody JobRequest request) {
		return this.jobs.quote(user, bookId, request);
	}

	@PostMapping("/content/books/{bookId}/generation/jobs")
	@Operation(summary = "Start a generation job",
			description = "Kinds: bible, synopsis, outline, chapter-drafts, full-book. Requires Idempotency-Key "
					+ "(428 without). Answers 202 with the job and its Location; a content-worker runs it. 429 "
					+ "generation-concurrency-limit and 402 generation-spend-limit when limits are reached.")
	@ApiResponse(responseCode = "202", description = "The queued job; `Location` names it.")
	@ProblemResponse(status = 428, description = "No `Idempotency-Key` header.")
	@ProblemResponse(status = 402, description = "generation-spend-limit: the spending limit is reached.")
	ResponseEntity<JobViews.JobResponse> start(Caller.User user, @PathVariable UUID bookId,
			@RequestBody JobRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
		if (key == null || key.isBlank()) {
			throw new ProblemException(KEY_REQUIRED,
					"Send an Idempotency-Key header (for example a random UUID) so a retried request cannot start "
							+ "the job twice.");
		}
		JobStore.JobRow job = this.jobs.start(user, bookId, request);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/content/generation/jobs/" + job.id()))
			.body(JobViews.JobResponse.of(job, null));
	}

	@GetMapping("/content/books/{bookId}/generation/jobs")
	@Operation(summary = "A book's generation jobs, newest first")
	Page<JobViews.JobResponse> list(Caller.User user, @PathVariable UUID bookId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		int size = Cursors.limit(limit);
		Cursors.Keyset after = Cursors.keyset(cursor, "jobs", 2);
		Instant created = (after != null) ? after.instant(0) : null;
		UUID id = (after != null) ? after.uuid(1) : null;
		List<JobStore.JobRow> found = this.jobs.page(user, bookId, created, id, size + 1);
		return Page.of(found, size, (j) -> Cursors.encode("jobs", j.createdAt().toString(), j.id().toString()))
			.map((j) -> JobViews.JobResponse.of(j, null));
	}

	@GetMapping("/content/generation/jobs")
	@Operation(summary = "Your queued and running jobs, newest first",
			description = "Across all your books, for a dashboard. Never paged: the per-person concurrency limit "
					+ "keeps the list short.")
	Page<JobViews.JobResponse> active(Caller.User user) {
		return new Page<>(this.jobs.active(user).stream().map((j) -> JobViews.JobResponse.of(j, null)).toList(), null);
	}

	@GetMapping("/content/generation/jobs/{jobId}")
	@Operation(summary = "A generation job with its steps",
			description = "State, progress {done,total,step}, tokens so far, quote, usage, cost, and the result "
					+ "or the problem.")
	JobViews.JobResponse find(Caller.User user, @PathVariable UUID jobId) {
		GenerationJobs.Found found = this.jobs.find(user, jobId);
		return JobViews.JobResponse.of(found.job(), found.steps());
	}

	@PostMapping("/content/generation/jobs/{jobId}/cancel")
	@Operation(summary = "Cancel a generation job",
			description = "A queued job is cancelled at once; a running one stops its provider call and ends "
					+ "cancelled shortly after. 409 when it already succeeded or failed.")
	@ApiResponse(responseCode = "202", description = "The job, cancelling; it stops at the next step.")
	ResponseEntity<JobViews.JobResponse> cancel(Caller.User user, @PathVariable UUID jobId) {
		return ResponseEntity.accepted().body(JobViews.JobResponse.of(this.jobs.cancel(user, jobId), null));
	}

	@GetMapping(path = "/content/generation/jobs/{jobId}/events", produces = "text/event-stream")
	@Operation(summary = "Follow a generation job live (server-sent events)",
			description = "Events: state, step-started, delta (text, batched), progress, step-finished, and one of "
					+ "completed, failed, cancelled, after which the stream ends. Every event has an id; reconnect "
					+ "with Last-Event-ID to get only what followed.")
	void events(Caller.User user, @PathVariable UUID jobId,
			@RequestHeader(name = EventStream.LAST_EVENT_ID, required = false) @Nullable String lastEventId,
			HttpServletResponse response) throws IOException {
		JobStore.JobRow job = this.jobs.visible(user, jobId);
		String after = EventStream.resumeAfter(lastEventId, JobStream.ENTRY_ID, "0-0", "1764201600000-0");
		EventStream out = EventStream.open(response);
		if (job.finished() && !this.stream.exists(jobId)) {
			// The live events expired; the job's end is still known.
			out.send(job.updatedAt().toEpochMilli() + "-0", terminalEvent(job.state()), this.jobs.stateJson(job));
			out.flush();
			return;
		}
		// Once the job has finished nothing more is appended, so the stream is read
		// without waiting; a client that already has every event (it resumed at or after
		// the last one) gets the final state again, so it knows to stop, and the response
		// ends instead of sending keep-alives forever.
		boolean finished = job.finished();
		while (true) {
			List<JobStream.Event> events = finished ? this.stream.read(jobId, after, null)
					: this.stream.read(jobId, after, this.properties.streamBlock());
			if (events.isEmpty()) {
				JobStore.JobRow now = this.jobs.visible(user, jobId);
				if (finished) {
					out.send(after.equals("0-0") ? now.updatedAt().toEpochMilli() + "-0" : after,
							terminalEvent(now.state()), this.jobs.stateJson(now));
					out.flush();
					return;
				}
				if (now.finished()) {
					// Read once more: the terminal event may have been appended
					// meanwhile.
					finished = true;
					continue;
				}
				out.keepAlive();
				continue;
			}
			for (JobStream.Event event : events) {
				out.send(event.id(), event.type(), event.data());
				after = event.id();
				if (event.terminal()) {
					out.flush();
					return;
				}
			}
			out.flush();
		}
	}

	private static String terminalEvent(JobState state) {
		return JobEvent.ending(state).value();
	}

}
