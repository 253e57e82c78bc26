package io.authorworks.content;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authorworks.contracts.content.jobs.JobKind;
import io.authorworks.contracts.content.jobs.JobState;
import io.authorworks.contracts.content.jobs.StepState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job contract's enums and the schema's check constraints name the same values in the
 * same order, so a state added on one side only fails here rather than in a worker's
 * update at run time; and the partial index of active jobs covers exactly the unfinished
 * states.
 */
class JobSchemaIntegrationTests extends ContentIntegrationTest {

	private static final Pattern QUOTED = Pattern.compile("'([^']*)'::text");

	@Autowired
	JdbcClient jdbc;

	@Test
	void jobStatesAreTheOnesTheSchemaAllows() {
		assertThat(checked("generation_jobs", "state")).containsExactlyElementsOf(JobState.VALUES);
	}

	@Test
	void stepStatesAreTheOnesTheSchemaAllows() {
		assertThat(checked("generation_steps", "state")).containsExactlyElementsOf(StepState.VALUES);
	}

	@Test
	void jobKindsAreTheOnesTheSchemaAllows() {
		assertThat(checked("generation_jobs", "kind")).containsExactlyElementsOf(JobKind.VALUES);
	}

	@Test
	void theActiveJobsIndexCoversTheUnfinishedStates() {
		String predicate = this.jdbc.sql("""
				select pg_get_expr(i.indpred, i.indrelid) from pg_index i
				where i.indexrelid = 'generation_jobs_active'::regclass
				""").query(String.class).single();
		assertThat(quoted(predicate)).containsExactlyElementsOf(
				Arrays.stream(JobState.values()).filter((s) -> !s.isFinished()).map(JobState::value).toList());
	}

	/** The values the check constraint on the column lists, in order. */
	private List<String> checked(String table, String column) {
		String definition = this.jdbc.sql("""
				select pg_get_constraintdef(c.oid) from pg_constraint c
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
				where c.conrelid = cast(:table as regclass) and c.contype = 'c' and a.attname = :column
				""").param("table", table).param("column", column).query(String.class).single();
		return quoted(definition);
	}

	private static List<String> quoted(String sql) {
		Matcher matcher = QUOTED.matcher(sql);
		return matcher.results().map((m) -> m.group(1)).toList();
	}

}
