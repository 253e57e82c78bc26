package io.authorworks.worker.content;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Compares a job's quote, made before it ran, with what its provider calls used as the
 * worker recorded them in {@code generation_usage}.
 */
final class QuoteAccuracy {

	private QuoteAccuracy() {
	}

	/**
	 * What a job's provider calls used, summed over its {@code generation_usage} rows.
	 */
	record Used(long inputTokens, long outputTokens, long costMicros) {

		static Used byJob(JdbcClient jdbc, String job) {
			return jdbc
				.sql("select sum(input_tokens), sum(output_tokens), sum(cost_micros) from generation_usage "
						+ "where job_id = :job")
				.param("job", UUID.fromString(job))
				.query((rs, n) -> new Used(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
				.single();
		}

	}

	/**
	 * Asserts that the quote's input tokens, output tokens, their total and its cost are
	 * each within 30 % of what was used, and prints the figures.
	 * @param quote a quote as the job shows it ({@code inputTokens},
	 * {@code outputTokens}, {@code costMicros})
	 */
	static void assertWithinThirtyPercent(String label, JsonNode quote, Used used) {
		long input = quote.get("inputTokens").asLong();
		long output = quote.get("outputTokens").asLong();
		long cost = quote.get("costMicros").asLong();
		System.out.printf(
				"quote-vs-usage %s: input %d vs %d (%+.1f%%), output %d vs %d (%+.1f%%), total %d vs %d (%+.1f%%), "
						+ "cost %d vs %d micros (%+.1f%%)%n",
				label, input, used.inputTokens(), error(input, used.inputTokens()), output, used.outputTokens(),
				error(output, used.outputTokens()), input + output, used.inputTokens() + used.outputTokens(),
				error(input + output, used.inputTokens() + used.outputTokens()), cost, used.costMicros(),
				error(cost, used.costMicros()));
		assertThat(cost).as(label + ": a priced model").isPositive();
		assertThat(input).as(label + " input").isCloseTo(used.inputTokens(), withinPercentage(30));
		assertThat(output).as(label + " output").isCloseTo(used.outputTokens(), withinPercentage(30));
		assertThat(input + output).as(label + " total")
			.isCloseTo(used.inputTokens() + used.outputTokens(), withinPercentage(30));
		assertThat(cost).as(label + " cost").isCloseTo(used.costMicros(), withinPercentage(30));
	}

	private static double error(long quoted, long used) {
		return 100.0 * (quoted - used) / used;
	}

}
