package io.authorworks.worker.content.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.authorworks.lib.storyai.engine.StepOutcome;
import io.authorworks.contracts.content.GenerationCompleted;
import io.authorworks.contracts.content.jobs.JobKind;
import io.authorworks.contracts.content.jobs.JobParams;
import io.authorworks.contracts.content.jobs.JobState;
import io.authorworks.contracts.content.jobs.StepState;
import io.authorworks.platform.core.Ids;
import io.authorworks.platform.events.Outbox;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The worker's side of the {@code generation_jobs}, {@code generation_steps} and
 * {@code generation_usage} tables in the content schema.
 */
@Component
class JobRecords {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ObjectMapper mapper;

	private final Outbox outbox;

	JobRecords(JdbcClient jdbc, DataSource dataSource, ObjectMapper mapper, Outbox outbox) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.mapper = mapper;
		this.outbox = outbox;
	}

	Optional<Job> job(UUID id) {
		return this.jdbc.sql("""
				select id, book_id, user_id, kind, params::text as params, state, seed, steps_total, deliveries,
				    cancel_requested, problem::text as problem, dead_lettered_at
				from generation_jobs where id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Job(rs.getObject("id", UUID.class), rs.getObject("book_id", UUID.class),
					rs.getObject("user_id", UUID.class), kind(rs.getString("kind")),
					this.mapper.readValue(rs.getString("params"), JobParams.class), JobState.of(rs.getString("state")),
					rs.getLong("seed"), rs.getInt("steps_total"), rs.getInt("deliveries"),
					rs.getBoolean("cancel_requested"),
					(rs.getString("problem") != null) ? this.mapper.readTree(rs.getString("problem")) : null,
					rs.getTimestamp("dead_lettered_at") != null))
			.optional();
	}

	List<StepRow> steps(UUID jobId) {
		return this.jdbc.sql("""
				select index, name, step, chapter, state, output::text as output from generation_steps
				where job_id = :job order by index
				""")
			.param("job", jobId)
			.query((rs, n) -> new StepRow(rs.getInt("index"), rs.getString("name"), rs.getString("step"),
					(Integer) rs.getObject("chapter"), StepState.of(rs.getString("state")),
					(rs.getString("output") != null) ? this.mapper.readTree(rs.getString("output")) : null))
			.list();
	}

	/** Counts this delivery and answers how many there have been. */
	int countDelivery(UUID jobId) {
		return this.jdbc.sql("""
				update generation_jobs set deliveries = deliveries + 1, updated_at = now() where id = :id
				returning deliveries
				""").param("id", jobId).query(Integer.class).single();
	}

	boolean cancelRequested(UUID jobId) {
		return this.jdbc.sql("select cancel_requested from generation_jobs where id = :id")
			.param("id", jobId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/** Marks the job running; {@code false} when it is no longer queued or running. */
	boolean markRunning(UUID jobId) {
		return this.jdbc.sql("""
				update generation_jobs set state = :running, started_at = coalesce(started_at, now()),
				    updated_at = now()
				where id = :id and state in (:queued, :running)
				""")
			.param("running", JobState.RUNNING.value())
			.param("id", jobId)
			.param("queued", JobState.QUEUED.value())
			.update() == 1;
	}

	void startStep(UUID jobId, int index, String name) {
		this.jdbc.sql("""
				update generation_steps set state = :running, attempts = attempts + 1, started_at = now()
				where job_id = :job and index = :index and state <> :succeeded
				""")
			.param("running", StepState.RUNNING.value())
			.param("job", jobId)
			.param("index", index)
			.param("succeeded", StepState.SUCCEEDED.value())
			.update();
		this.jdbc.sql("update generation_jobs set current_step = :name, updated_at = now() where id = :id")
			.param("name", name)
			.param("id", jobId)
			.update();
	}

	/**
	 * Marks a step succeeded with its output and usage, in the caller's transaction
	 * together with the step's effect. Throws when another delivery finished it first, so
	 * that effect rolls back.
	 */
	Progress finishStep(Job job, int index, String name, @Nullable StepOutcome outcome, JsonNode output) {
		String provider = (outcome != null) ? outcome.result().provider() : "none";
		String model = (outcome != null) ? outcome.result().model() : "none";
		long in = (outcome != null) ? outcome.result().usage().inputTokens() : 0;
		long out = (outcome != null) ? outcome.result().usage().outputTokens() : 0;
		long cost = (outcome != null) ? outcome.cost().micros() : 0;
		int updated = this.jdbc.sql("""
				update generation_steps set state = :succeeded, provider = :provider, model = :model,
				    offline = :offline, input_tokens = :in, output_tokens = :out, cost_micros = :cost,
				    output = cast(:output as jsonb), finished_at = now()
				where job_id = :job and index = :index and state <> :succeeded
				""")
			.param("succeeded", StepState.SUCCEEDED.value())
			.param("provider", provider)
			.param("model", model)
			.param("offline", outcome != null && outcome.result().offline())
			.param("in", in)
			.param("out", out)
			.param("cost", cost)
			.param("output", this.mapper.writeValueAsString(output))
			.param("job", job.id())
			.param("index", index)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Step " + index + " of job " + job.id() + " was already finished");
		}
		if (outcome != null) {
			this.jdbc.sql("""
					insert into generation_usage (id, user_id, book_id, job_id, step_index, operation, provider, model,
					    offline, input_tokens, output_tokens, estimated, cost_micros, currency)
					values (:id, :user, :book, :job, :index, :operation, :provider, :model, :offline, :in, :out,
					    :estimated, :cost, :currency)
					on conflict do nothing
					""")
				.param("id", Ids.newId())
				.param("user", job.userId())
				.param("book", job.bookId())
				.param("job", job.id())
				.param("index", index)
				.param("operation", name)
				.param("provider", provider)
				.param("model", model)
				.param("offline", outcome.result().offline())
				.param("in", in)
				.param("out", out)
				.param("estimated", outcome.result().usage().estimated())
				.param("cost", cost)
				.param("currency", outcome.cost().currency())
				.update();
		}
		return this.jdbc.sql("""
				update generation_jobs set
				    steps_done = (select count(*) from generation_steps where job_id = :job and state = :succeeded),
				    input_tokens = input_tokens + :in, output_tokens = output_tokens + :out,
				    cost_micros = cost_micros + :cost, updated_at = now()
				where id = :job
				returning steps_done, steps_total, input_tokens + output_tokens as tokens
				""")
			.param("succeeded", StepState.SUCCEEDED.value())
			.param("job", job.id())
			.param("in", in)
			.param("out", out)
			.param("cost", cost)
			.query((rs, n) -> new Progress(rs.getInt("steps_done"), rs.getInt("steps_total"), name,
					rs.getLong("tokens")))
			.single();
	}

	/**
	 * Ends the job (in the caller's transaction) and announces what it consumed through
	 * the outbox.
	 */
	void end(Job job, JobState state, @Nullable JsonNode result, @Nullable JsonNode problem) {
		this.jdbc.sql("""
				update generation_jobs set state = :state, result = cast(:result as jsonb),
				    problem = cast(:problem as jsonb), finished_at = now(), updated_at = now()
				where id = :id
				""")
			.param("state", state.value())
			.param("result", (result != null) ? this.mapper.writeValueAsString(result) : null)
			.param("problem", (problem != null) ? this.mapper.writeValueAsString(problem) : null)
			.param("id", job.id())
			.update();
		if (state != JobState.SUCCEEDED) {
			this.jdbc.sql("""
					update generation_steps set state = :state where job_id = :job and state in (:pending, :running)
					""")
				.param("state", StepState.leftBy(state).value())
				.param("job", job.id())
				.param("pending", StepState.PENDING.value())
				.param("running", StepState.RUNNING.value())
				.update();
		}
		List<GenerationCompleted.ModelUsage> models = this.jdbc.sql("""
				select provider, model, sum(input_tokens) as i, sum(output_tokens) as o, sum(cost_micros) as c
				from generation_usage where job_id = :job group by provider, model order by provider, model
				""")
			.param("job", job.id())
			.query((rs, n) -> new GenerationCompleted.ModelUsage(rs.getString("provider"), rs.getString("model"),
					rs.getLong("i"), rs.getLong("o"), rs.getLong("c")))
			.list();
		Totals totals = this.jdbc
			.sql("select input_tokens, output_tokens, cost_micros, currency from generation_jobs where id = :id")
			.param("id", job.id())
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.single();
		this.outbox
			.publish(new GenerationCompleted(job.id(), job.bookId(), job.userId(), job.kind().value(), state.value(),
					totals.input(), totals.output(), totals.cost(), totals.currency(), models, Instant.now()));
	}

	private static JobKind kind(String value) {
		return JobKind.of(value).orElseThrow(() -> new IllegalStateException("Not a job kind: " + value));
	}

	void markDeadLettered(UUID jobId) {
		this.jdbc.sql("update generation_jobs set dead_lettered_at = now() where id = :id").param("id", jobId).update();
	}

	/**
	 * Takes the job's session-level advisory lock on a connection of its own, so one
	 * worker at a time runs a job; PostgreSQL releases it when that worker's connection
	 * dies with it.
	 */
	JobLock lock(UUID jobId) {
		long key = jobId.getMostSignificantBits() ^ jobId.getLeastSignificantBits();
		try {
			Connection connection = this.dataSource.getConnection();
			try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
				statement.setLong(1, key);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					return new JobLock(connection, key, rs.getBoolean(1));
				}
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot lock job " + jobId, ex);
		}
	}

	/** A held (or refused) job lock; closing releases it. */
	static final class JobLock implements AutoCloseable {

		private final Connection connection;

		private final long key;

		private final boolean held;

		JobLock(Connection connection, long key, boolean held) {
			this.connection = connection;
			this.key = key;
			this.held = held;
		}

		boolean held() {
			return this.held;
		}

		@Override
		public void close() {
			try (Connection c = this.connection) {
				if (this.held) {
					try (PreparedStatement statement = c.prepareStatement("select pg_advisory_unlock(?)")) {
						statement.setLong(1, this.key);
						statement.execute();
					}
				}
			}
			catch (SQLException ex) {
				// A broken connection is discarded by the pool, and its lock with it.
			}
		}

	}

	/**
	 * A job as the worker needs it.
	 *
	 * @param id the job
	 * @param bookId its book
	 * @param userId who asked for it
	 * @param kind what it makes
	 * @param params its parameters
	 * @param state its state
	 * @param seed its random seed
	 * @param stepsTotal how many steps
	 * @param deliveries deliveries so far
	 * @param cancelRequested whether someone asked to cancel it
	 * @param problem why it failed, if it did
	 * @param deadLettered whether its message went to the dead-letter queue
	 */
	record Job(UUID id, UUID bookId, UUID userId, JobKind kind, JobParams params, JobState state, long seed,
			int stepsTotal, int deliveries, boolean cancelRequested, @Nullable JsonNode problem, boolean deadLettered) {

		boolean finished() {
			return this.state.isFinished();
		}

	}

	/**
	 * A planned step.
	 *
	 * @param index its place
	 * @param name e.g. {@code chapter-2-prose}
	 * @param step the story-ai step key, or {@code null}
	 * @param chapter the outline chapter
	 * @param state its state
	 * @param output what it produced, once it succeeded
	 */
	record StepRow(int index, String name, @Nullable String step, @Nullable Integer chapter, StepState state,
			@Nullable JsonNode output) {

		boolean succeeded() {
			return this.state == StepState.SUCCEEDED;
		}

	}

	/**
	 * Progress after a step.
	 *
	 * @param done steps done
	 * @param total all steps
	 * @param step the step that finished
	 * @param tokensSoFar tokens of the finished steps
	 */
	record Progress(int done, int total, String step, long tokensSoFar) {
	}

	private record Totals(long input, long output, long cost, String currency) {
	}

}
