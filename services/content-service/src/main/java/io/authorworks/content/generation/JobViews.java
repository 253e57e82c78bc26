package io.authorworks.content.generation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.lib.storyai.cost.Quote;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The JSON shapes of generation jobs and quotes.
 */
final class JobViews {

	private JobViews() {
	}

	static String display(long micros, String currency) {
		return BigDecimal.valueOf(micros, 6).setScale(4, RoundingMode.UP).toPlainString() + " " + currency;
	}

	/**
	 * What a job is expected to consume before it starts.
	 *
	 * @param kind the kind of job
	 * @param total the sum over all steps
	 * @param steps each step with the model that will serve it
	 * @param offline whether every step runs on the offline generator (and costs nothing)
	 */
	record JobQuote(String kind, QuoteView total, List<StepQuote> steps, boolean offline) {

		static JobQuote of(JobPlan plan, String currency) {
			List<StepQuote> steps = plan.steps()
				.stream()
				.map((s) -> new StepQuote(s.index(), s.name(), s.chapter(), s.quote().provider(), s.quote().model(),
						s.quote().inputTokens(), s.quote().outputTokens(), s.quote().cost().micros(),
						s.quote().cost().currency()))
				.toList();
			boolean offline = plan.steps().stream().allMatch((s) -> "offline".equals(s.quote().provider()));
			return new JobQuote(plan.kind().value(), QuoteView.of(plan.total(currency)), steps, offline);
		}

	}

	/**
	 * A quote's numbers.
	 *
	 * @param provider the provider, {@code mixed} when steps use several
	 * @param model the model, {@code mixed} when steps use several
	 * @param inputTokens estimated prompt tokens
	 * @param outputTokens estimated generated tokens
	 * @param costMicros estimated cost in millionths of {@code currency}
	 * @param currency ISO 4217 code
	 * @param display the cost for people, e.g. {@code 0.0123 USD}
	 * @param priced {@code false} when a model has no configured price and counts as free
	 */
	record QuoteView(String provider, String model, long inputTokens, long outputTokens, long costMicros,
			String currency, String display, boolean priced) {

		static QuoteView of(Quote quote) {
			return new QuoteView(quote.provider(), quote.model(), quote.inputTokens(), quote.outputTokens(),
					quote.cost().micros(), quote.cost().currency(),
					JobViews.display(quote.cost().micros(), quote.cost().currency()), quote.priced());
		}

	}

	/**
	 * One step's quote.
	 *
	 * @param index the step's place
	 * @param name the step
	 * @param chapter the outline chapter it works on
	 * @param provider the provider that will serve it
	 * @param model the model that will serve it
	 * @param inputTokens estimated prompt tokens
	 * @param outputTokens estimated generated tokens
	 * @param costMicros estimated cost
	 * @param currency the cost's currency
	 */
	record StepQuote(int index, String name, @Nullable Integer chapter, String provider, String model, long inputTokens,
			long outputTokens, long costMicros, String currency) {
	}

	/**
	 * A generation job.
	 *
	 * @param id the job
	 * @param bookId the book it writes into
	 * @param requestedBy who asked for it
	 * @param kind what it produces
	 * @param state queued, running, succeeded, failed or cancelled
	 * @param progress steps done of all, and the step running now
	 * @param tokensSoFar input and output tokens of the finished steps
	 * @param quote the estimate made before it started
	 * @param usage the tokens it consumed so far
	 * @param cost what it cost so far
	 * @param result what it produced, once it succeeded
	 * @param problem why it failed or was cancelled (RFC 9457)
	 * @param steps the steps, on the single-job resource
	 * @param createdAt when it was requested
	 * @param updatedAt when it last changed
	 * @param startedAt when a worker started it
	 * @param finishedAt when it ended
	 */
	record JobResponse(UUID id, UUID bookId, UUID requestedBy, String kind, String state, Progress progress,
			long tokensSoFar, @Nullable JsonNode quote, Usage usage, Cost cost, @Nullable JsonNode result,
			@Nullable JsonNode problem, @Nullable List<StepResponse> steps, Instant createdAt, Instant updatedAt,
			@Nullable Instant startedAt, @Nullable Instant finishedAt) {

		static JobResponse of(JobStore.JobRow job, @Nullable List<JobStore.StepRow> steps) {
			return new JobResponse(job.id(), job.bookId(), job.userId(), job.kind().value(), job.state().value(),
					new Progress(job.stepsDone(), job.stepsTotal(), job.currentStep()),
					job.inputTokens() + job.outputTokens(), job.quote(),
					new Usage(job.inputTokens(), job.outputTokens()), Cost.of(job.costMicros(), job.currency()),
					job.result(), job.problem(),
					(steps != null) ? steps.stream().map((s) -> StepResponse.of(s, job.currency())).toList() : null,
					job.createdAt(), job.updatedAt(), job.startedAt(), job.finishedAt());
		}

	}

	/**
	 * How far a job is.
	 *
	 * @param done finished steps
	 * @param total all steps
	 * @param step the step running now or last run
	 */
	record Progress(int done, int total, @Nullable String step) {
	}

	/**
	 * Tokens consumed.
	 *
	 * @param inputTokens prompt tokens
	 * @param outputTokens generated tokens
	 */
	record Usage(long inputTokens, long outputTokens) {
	}

	/**
	 * An amount of money.
	 *
	 * @param micros millionths of the currency unit
	 * @param currency ISO 4217 code
	 * @param display for people
	 */
	record Cost(long micros, String currency, String display) {

		static Cost of(long micros, String currency) {
			return new Cost(micros, currency, JobViews.display(micros, currency));
		}

	}

	/**
	 * One step of a job.
	 *
	 * @param index its place
	 * @param name e.g. {@code chapter-2-prose}
	 * @param chapter the outline chapter it works on
	 * @param state pending, running, succeeded, failed or cancelled
	 * @param provider the provider that served (or will serve) it
	 * @param model the model
	 * @param offline whether the offline generator wrote it
	 * @param quote the estimate
	 * @param usage actual tokens
	 * @param cost actual cost
	 * @param attempts how many times it was started
	 * @param startedAt when it last started
	 * @param finishedAt when it finished
	 */
	record StepResponse(int index, String name, @Nullable Integer chapter, String state, @Nullable String provider,
			@Nullable String model, @Nullable Boolean offline, Usage quote, Usage usage, Cost cost, int attempts,
			@Nullable Instant startedAt, @Nullable Instant finishedAt) {

		static StepResponse of(JobStore.StepRow step, String currency) {
			return new StepResponse(step.index(), step.name(), step.chapter(), step.state().value(), step.provider(),
					step.model(), step.offline(), new Usage(step.quoteInputTokens(), step.quoteOutputTokens()),
					new Usage(step.inputTokens(), step.outputTokens()), Cost.of(step.costMicros(), currency),
					step.attempts(), step.startedAt(), step.finishedAt());
		}

	}

}
