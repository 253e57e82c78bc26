package io.authorworks.contracts.content.jobs;

import java.util.Arrays;
import java.util.List;

/**
 * Where a generation job is, as stored in {@code generation_jobs.state} (whose check
 * constraint lists exactly these values) and as shown in the API: content-service creates
 * jobs {@link #QUEUED} and cancels queued ones, the worker moves them through
 * {@link #RUNNING} to an end.
 */
public enum JobState {

	/** Recorded, its message waiting for a worker. */
	QUEUED("queued"),

	/** A worker runs its steps. */
	RUNNING("running"),

	/** Every step finished. */
	SUCCEEDED("succeeded"),

	/** The provider gave up or the job was delivered too often. */
	FAILED("failed"),

	/** Someone cancelled it, before it started or while it ran. */
	CANCELLED("cancelled");

	/** Every stored value, in order. */
	public static final List<String> VALUES = Arrays.stream(values()).map(JobState::value).toList();

	private final String value;

	JobState(String value) {
		this.value = value;
	}

	/** The stored and wire form, such as {@code succeeded}. */
	public String value() {
		return this.value;
	}

	/** Whether the job has ended; nothing changes it after that. */
	public boolean isFinished() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

	/**
	 * The state stored as {@code value}.
	 * @throws IllegalArgumentException for a value that is not a job state
	 */
	public static JobState of(String value) {
		for (JobState state : values()) {
			if (state.value.equals(value)) {
				return state;
			}
		}
		throw new IllegalArgumentException("Not a job state: " + value);
	}

}
