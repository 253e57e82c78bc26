package io.authorworks.content.generation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.contracts.content.jobs.JobKind;
import io.authorworks.contracts.content.jobs.JobState;
import io.authorworks.contracts.content.jobs.StepState;
import io.authorworks.lib.storyai.cost.Quote;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code generation_jobs} and {@code generation_steps} tables as content-service sees
 * them: it creates jobs with their planned steps, reads their progress and cancels queued
 * ones; the content-worker runs them.
 */
@Component
class JobStore {

	private static final String JOB_COLUMNS = """
			id, book_id, user_id, kind, params::text as params, state, steps_total, steps_done, current_step,
			quote::text as quote, input_tokens, output_tokens, cost_micros, currency, result::text as result,
			problem::text as problem, cancel_requested, created_at, updated_at, started_at, finished_at
			""";

	private final JdbcClient jdbc;

	private final ObjectMapper mapper;

	JobStore(JdbcClient jdbc, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	void insert(UUID id, UUID bookId, UUID userId, JobPlan plan, long seed, JsonNode params, JsonNode quote) {
		this.jdbc.sql("""
				insert into generation_jobs (id, book_id, user_id, kind, params, seed, steps_total, quote, currency)
				values (:id, :book, :user, :kind, cast(:params as jsonb), :seed, :total, cast(:quote as jsonb),
				        :currency)
				""")
			.param("id", id)
			.param("book", bookId)
			.param("user", userId)
			.param("kind", plan.kind().value())
			.param("params", this.mapper.writeValueAsString(params))
			.param("seed", seed)
			.param("total", plan.steps().size())
			.param("quote", this.mapper.writeValueAsString(quote))
			.param("currency", quote.path("total").path("currency").asString("USD"))
			.update();
		for (PlannedStep step : plan.steps()) {
			Quote q = step.quote();
			this.jdbc.sql("""
					insert into generation_steps (job_id, index, name, step, chapter, provider, model,
					    quote_input_tokens, quote_output_tokens, quote_cost_micros)
					values (:job, :index, :name, :step, :chapter, :provider, :model, :in, :out, :cost)
					""")
				.param("job", id)
				.param("index", step.index())
				.param("name", step.name())
				.param("step", (step.step() != null) ? step.step().key() : null)
				.param("chapter", step.chapter())
				.param("provider", q.provider())
				.param("model", q.model())
				.param("in", q.inputTokens())
				.param("out", q.outputTokens())
				.param("cost", q.cost().micros())
				.update();
		}
	}

	Optional<JobRow> find(UUID id) {
		return this.jdbc.sql("select " + JOB_COLUMNS + " from generation_jobs where id = :id")
			.param("id", id)
			.query(this::job)
			.optional();
	}

	List<JobRow> page(UUID bookId, @Nullable Instant beforeCreated, @Nullable UUID beforeId, int limit) {
		return this.jdbc.sql("select " + JOB_COLUMNS + """
				 from generation_jobs where book_id = :book
				 and (cast(:created as timestamptz) is null or (created_at, id) < (:created, :id))
				 order by created_at desc, id desc limit :limit
				""")
			.param("book", bookId)
			.param("created", (beforeCreated != null) ? Timestamp.from(beforeCreated) : null)
			.param("id", beforeId)
			.param("limit", limit)
			.query(this::job)
			.list();
	}

	/**
	 * The person's queued and running jobs, newest first. Few by construction: the
	 * per-person concurrency limit caps them. The states are written out, not bound, so
	 * that the planner can match the partial index {@code generation_jobs_active}.
	 */
	List<JobRow> active(UUID userId, int limit) {
		return this.jdbc.sql("select " + JOB_COLUMNS + """
				 from generation_jobs where user_id = :user and state in ('queued', 'running')
				 order by created_at desc, id desc limit :limit
				""").param("user", userId).param("limit", limit).query(this::job).list();
	}

	List<StepRow> steps(UUID jobId) {
		return this.jdbc.sql("""
				select index, name, step, chapter, state, provider, model, offline, quote_input_tokens,
				    quote_output_tokens, quote_cost_micros, input_tokens, output_tokens, cost_micros, attempts,
				    started_at, finished_at
				from generation_steps where job_id = :job order by index
				""")
			.param("job", jobId)
			.query((rs, n) -> new StepRow(rs.getInt("index"), rs.getString("name"), rs.getString("step"),
					(Integer) rs.getObject("chapter"), StepState.of(rs.getString("state")), rs.getString("provider"),
					rs.getString("model"), (Boolean) rs.getObject("offline"), rs.getLong("quote_input_tokens"),
					rs.getLong("quote_output_tokens"), rs.getLong("quote_cost_micros"), rs.getLong("input_tokens"),
					rs.getLong("output_tokens"), rs.getLong("cost_micros"), rs.getInt("attempts"),
					instant(rs, "started_at"), instant(rs, "finished_at")))
			.list();
	}

	/** Serializes job creation per person, so limits hold under concurrent requests. */
	void lockUser(UUID userId) {
		this.jdbc.sql("select pg_advisory_xact_lock(:key)")
			.param("key", userId.getMostSignificantBits() ^ userId.getLeastSignificantBits())
			.query((rs, n) -> 1)
			.list();
	}

	int activeJobs(UUID userId) {
		return this.jdbc
			.sql("select count(*) from generation_jobs where user_id = :user and state in ('queued', 'running')")
			.param("user", userId)
			.query(Integer.class)
			.single();
	}

	/** Cancels a job that has not started; {@code false} when it already has. */
	boolean cancelQueued(UUID id) {
		return this.jdbc
			.sql("""
					update generation_jobs set state = :cancelled, cancel_requested = true, finished_at = now(),
					    updated_at = now(),
					    problem = '{"type":"https://authorworks.dev/problems/generation-cancelled","title":"The generation was cancelled","status":409,"detail":"Cancelled before it started."}'::jsonb
					where id = :id and state = :queued
					""")
			.param("cancelled", JobState.CANCELLED.value())
			.param("id", id)
			.param("queued", JobState.QUEUED.value())
			.update() == 1;
	}

	/** Asks the worker running the job to stop; {@code false} when it is not running. */
	boolean requestCancel(UUID id) {
		return this.jdbc.sql("""
				update generation_jobs set cancel_requested = true, updated_at = now()
				where id = :id and state = :running
				""").param("id", id).param("running", JobState.RUNNING.value()).update() == 1;
	}

	private JobRow job(ResultSet rs, int n) throws SQLException {
		return new JobRow(rs.getObject("id", UUID.class), rs.getObject("book_id", UUID.class),
				rs.getObject("user_id", UUID.class), kind(rs.getString("kind")), json(rs.getString("params")),
				JobState.of(rs.getString("state")), rs.getInt("steps_total"), rs.getInt("steps_done"),
				rs.getString("current_step"), json(rs.getString("quote")), rs.getLong("input_tokens"),
				rs.getLong("output_tokens"), rs.getLong("cost_micros"), rs.getString("currency"),
				json(rs.getString("result")), json(rs.getString("problem")), rs.getBoolean("cancel_requested"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				instant(rs, "started_at"), instant(rs, "finished_at"));
	}

	private static JobKind kind(String value) {
		return JobKind.of(value).orElseThrow(() -> new IllegalStateException("Not a job kind: " + value));
	}

	private @Nullable JsonNode json(@Nullable String text) {
		return (text != null) ? this.mapper.readTree(text) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** A job as stored. */
	record JobRow(UUID id, UUID bookId, UUID userId, JobKind kind, @Nullable JsonNode params, JobState state,
			int stepsTotal, int stepsDone, @Nullable String currentStep, @Nullable JsonNode quote, long inputTokens,
			long outputTokens, long costMicros, String currency, @Nullable JsonNode result, @Nullable JsonNode problem,
			boolean cancelRequested, Instant createdAt, Instant updatedAt, @Nullable Instant startedAt,
			@Nullable Instant finishedAt) {

		boolean finished() {
			return this.state.isFinished();
		}

	}

	/** A step as stored. */
	record StepRow(int index, String name, @Nullable String step, @Nullable Integer chapter, StepState state,
			@Nullable String provider, @Nullable String model, @Nullable Boolean offline, long quoteInputTokens,
			long quoteOutputTokens, long quoteCostMicros, long inputTokens, long outputTokens, long costMicros,
			int attempts, @Nullable Instant startedAt, @Nullable Instant finishedAt) {
	}

}
