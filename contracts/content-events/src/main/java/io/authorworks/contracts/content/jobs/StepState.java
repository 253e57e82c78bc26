package io.authorworks.contracts.content.jobs;

import java.util.Arrays;
import java.util.List;

/**
 * Where one planned step of a job is, as stored in {@code generation_steps.state} (whose
 * check constraint lists exactly these values): content-service plans steps
 * {@link #PENDING}, the worker runs them and marks what was left when the job ends.
 */
public enum StepState {

	/** Planned, not started. */
	PENDING("pending"),

	/** Started and not yet committed. */
	RUNNING("running"),

	/** Its result is written; a resumed job skips it. */
	SUCCEEDED("succeeded"),

	/** Left unfinished by a failed job. */
	FAILED("failed"),

	/** Left unfinished by a cancelled job. */
	CANCELLED("cancelled");

	/** Every stored value, in order. */
	public static final List<String> VALUES = Arrays.stream(values()).map(StepState::value).toList();

	private final String value;

	StepState(String value) {
		this.value = value;
	}

	/** The stored and wire form, such as {@code pending}. */
	public String value() {
		return this.value;
	}

	/**
	 * The state the unfinished steps of a job take when it ends in {@code job}.
	 * @throws IllegalArgumentException when {@code job} is not a failure or cancellation
	 */
	public static StepState leftBy(JobState job) {
		return switch (job) {
			case FAILED -> FAILED;
			case CANCELLED -> CANCELLED;
			default -> throw new IllegalArgumentException("A " + job.value() + " job leaves no steps behind");
		};
	}

	/**
	 * The state stored as {@code value}.
	 * @throws IllegalArgumentException for a value that is not a step state
	 */
	public static StepState of(String value) {
		for (StepState state : values()) {
			if (state.value.equals(value)) {
				return state;
			}
		}
		throw new IllegalArgumentException("Not a step state: " + value);
	}

}
