package io.authorworks.content.generation;

import java.util.List;

import io.authorworks.contracts.content.jobs.JobKind;
import io.authorworks.contracts.content.jobs.JobParams;
import io.authorworks.lib.storyai.cost.Money;
import io.authorworks.lib.storyai.cost.Quote;

/**
 * A job's steps in order with the quote of each and of the whole.
 *
 * @param kind the kind of job
 * @param params its checked parameters
 * @param steps the steps in order
 */
record JobPlan(JobKind kind, JobParams params, List<PlannedStep> steps) {

	JobPlan {
		steps = List.copyOf(steps);
	}

	/** The sum over every step. */
	Quote total(String currency) {
		Quote total = new Quote("none", "none", 0, 0, Money.zero(currency), true);
		boolean first = true;
		for (PlannedStep step : this.steps) {
			if (step.step() == null) {
				continue;
			}
			total = first ? step.quote() : total.plus(step.quote());
			first = false;
		}
		return total;
	}

}
