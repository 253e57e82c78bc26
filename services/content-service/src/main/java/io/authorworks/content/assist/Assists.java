package io.authorworks.content.assist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.authorworks.lib.storystore.StoryTables;
import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.Step;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.engine.ContentAi;
import io.authorworks.lib.storyai.engine.PreparedCall;
import io.authorworks.lib.storyai.cost.Money;
import io.authorworks.lib.storyai.engine.StepOutcome;
import io.authorworks.content.generation.SpendLimit;
import io.authorworks.content.member.BookAccess;
import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.Violation;
import io.authorworks.platform.web.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Interactive operations on a selection, streamed straight from the provider to the
 * author (not through the worker): checked and prepared before anything streams, run with
 * the caller's cancellation token, and their usage recorded like a job step's.
 */
@Service
class Assists {

	/** The operations, by the name the API uses. */
	static final List<String> OPERATIONS = List.of("brainstorm", "rewrite", "expand", "shorten", "describe",
			"continue");

	static final int MAX_SELECTION = 20_000;

	static final int MAX_CONTEXT = 60_000;

	static final int MAX_INSTRUCTIONS = 2_000;

	private final ContentAi ai;

	private final StoryTables story;

	private final BookAccess access;

	private final JdbcClient jdbc;

	private final SpendLimit spendLimit;

	Assists(ContentAi ai, StoryTables story, BookAccess access, JdbcClient jdbc, SpendLimit spendLimit) {
		this.ai = ai;
		this.story = story;
		this.access = access;
		this.jdbc = jdbc;
		this.spendLimit = spendLimit;
	}

	/** A checked, prepared call for one person in one book. */
	record Prepared(UUID userId, UUID bookId, PreparedCall call, CancellationToken token) {
	}

	/**
	 * Checks the request (404 for a book the caller may not generate in or a chapter not
	 * in it, 422 for bad input) and prepares the provider call.
	 */
	Prepared prepare(Caller.User caller, UUID bookId, AssistRequest request) {
		this.access.requireGeneration(caller, bookId);
		Step step = check(request);
		if (request.chapterId() != null
				&& this.jdbc.sql("select count(*) from chapters where id = :id and book_id = :book")
					.param("id", request.chapterId())
					.param("book", bookId)
					.query(Integer.class)
					.single() == 0) {
			throw new NotFoundException("No such chapter in this book.");
		}
		CancellationToken token = CancellationToken.create();
		GenerationTask.SelectionEdit task = new GenerationTask.SelectionEdit(step, orEmpty(request.selection()),
				orEmpty(request.before()), orEmpty(request.after()), orEmpty(request.instructions()),
				this.story.bible(bookId));
		PreparedCall call = this.ai.prepare(task, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2), token);
		checkSpend(caller, call.quote().cost());
		return new Prepared(caller.id(), bookId, call, token);
	}

	/** Runs a prepared call, streaming to the sink, and records its usage. */
	StepOutcome run(Prepared prepared, TokenSink sink) {
		StepOutcome outcome = this.ai.run(prepared.call(), sink);
		this.jdbc.sql("""
				insert into generation_usage (id, user_id, book_id, operation, provider, model, offline,
				    input_tokens, output_tokens, estimated, cost_micros, currency)
				values (:id, :user, :book, :operation, :provider, :model, :offline, :in, :out, :estimated, :cost,
				    :currency)
				""")
			.param("id", Ids.newId())
			.param("user", prepared.userId())
			.param("book", prepared.bookId())
			.param("operation", prepared.call().task().step().key())
			.param("provider", outcome.result().provider())
			.param("model", outcome.result().model())
			.param("offline", outcome.result().offline())
			.param("in", outcome.result().usage().inputTokens())
			.param("out", outcome.result().usage().outputTokens())
			.param("estimated", outcome.result().usage().estimated())
			.param("cost", outcome.cost().micros())
			.param("currency", outcome.cost().currency())
			.update();
		return outcome;
	}

	/**
	 * What the client gets last: usage, cost, model and whether it was written offline.
	 */
	static Map<String, Object> done(StepOutcome outcome) {
		Map<String, Object> done = new LinkedHashMap<>();
		done.put("provider", outcome.result().provider());
		done.put("model", outcome.result().model());
		done.put("offline", outcome.result().offline());
		if (outcome.result().notice() != null) {
			done.put("notice", outcome.result().notice());
		}
		done.put("stopReason", outcome.result().stopReason().name().toLowerCase(Locale.ROOT));
		done.put("usage", Map.of("inputTokens", outcome.result().usage().inputTokens(), "outputTokens",
				outcome.result().usage().outputTokens(), "estimated", outcome.result().usage().estimated()));
		done.put("cost", Map.of("micros", outcome.cost().micros(), "currency", outcome.cost().currency(), "display",
				outcome.cost().display()));
		return done;
	}

	/** The monthly spend limit of jobs holds for interactive operations too (402). */
	private void checkSpend(Caller.User caller, Money quoted) {
		this.spendLimit.require(caller.id(), quoted.currency(), quoted.micros(),
				"This is quoted at " + quoted.display(), "Wait for next month.");
	}

	private static Step check(AssistRequest request) {
		List<Violation> violations = new ArrayList<>();
		String operation = orEmpty(request.operation()).strip();
		if (!OPERATIONS.contains(operation)) {
			violations.add(new Violation("operation", "Choose one of " + String.join(", ", OPERATIONS) + "."));
		}
		String selection = orEmpty(request.selection());
		if (List.of("rewrite", "expand", "shorten").contains(operation) && selection.isBlank()) {
			violations.add(new Violation("selection", "Select the text to " + operation + "."));
		}
		if (selection.length() > MAX_SELECTION) {
			violations.add(new Violation("selection", "Select at most " + MAX_SELECTION + " characters."));
		}
		if (orEmpty(request.before()).length() > MAX_CONTEXT) {
			violations.add(new Violation("before", "Send at most " + MAX_CONTEXT + " characters of context."));
		}
		if (orEmpty(request.after()).length() > MAX_CONTEXT) {
			violations.add(new Violation("after", "Send at most " + MAX_CONTEXT + " characters of context."));
		}
		if (orEmpty(request.instructions()).length() > MAX_INSTRUCTIONS) {
			violations
				.add(new Violation("instructions", "Keep the instructions under " + MAX_INSTRUCTIONS + " characters."));
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		return Step.fromKey(Objects.requireNonNull(operation));
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
