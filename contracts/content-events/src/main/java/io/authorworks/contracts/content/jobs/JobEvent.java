package io.authorworks.contracts.content.jobs;

import java.util.Optional;

/**
 * The live events of a job, by the name the worker (and content-service, for a job it
 * cancels before it starts) gives them in the job's stream and content-service sends as
 * the server-sent event name. A job's events end with exactly one terminal event.
 */
public enum JobEvent {

	/** The job's state changed; data has the state and progress. */
	STATE("state"),

	/** A step started; data has its index, name and the number of steps. */
	STEP_STARTED("step-started"),

	/** Text a step streamed since the last delta. */
	DELTA("delta"),

	/** A step finished; data has its index and name. */
	STEP_FINISHED("step-finished"),

	/** Steps and tokens done so far. */
	PROGRESS("progress"),

	/** Terminal: the job succeeded; data has its result. */
	COMPLETED("completed"),

	/** Terminal: the job failed; data has the problem. */
	FAILED("failed"),

	/** Terminal: the job was cancelled. */
	CANCELLED("cancelled");

	private final String value;

	JobEvent(String value) {
		this.value = value;
	}

	/** The event name on the stream and in server-sent events. */
	public String value() {
		return this.value;
	}

	/** Whether nothing follows this event. */
	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == CANCELLED;
	}

	/**
	 * The terminal event of a job that ended in {@code state}.
	 * @throws IllegalArgumentException when the job has not ended
	 */
	public static JobEvent ending(JobState state) {
		return switch (state) {
			case SUCCEEDED -> COMPLETED;
			case FAILED -> FAILED;
			case CANCELLED -> CANCELLED;
			default -> throw new IllegalArgumentException("A " + state.value() + " job has not ended");
		};
	}

	/** The event named {@code value}, if there is one. */
	public static Optional<JobEvent> of(String value) {
		for (JobEvent event : values()) {
			if (event.value.equals(value)) {
				return Optional.of(event);
			}
		}
		return Optional.empty();
	}

}
