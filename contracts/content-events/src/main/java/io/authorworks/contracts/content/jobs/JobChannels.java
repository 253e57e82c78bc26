package io.authorworks.contracts.content.jobs;

import java.util.Optional;
import java.util.UUID;

/**
 * The Redis names the worker and content-service meet at: each job's stream of live
 * events, whose entries carry a {@value #TYPE_FIELD} (a {@link JobEvent} name) and a
 * {@value #DATA_FIELD} (its JSON), and the pub/sub channel on which content-service asks
 * whichever worker runs a job to stop it.
 */
public final class JobChannels {

	/** Where every job's stream key begins. */
	public static final String STREAM_PREFIX = "content:generation:jobs:";

	/** The channel cancel requests go out on, each message a job id. */
	public static final String CANCEL = "content:generation:cancel";

	/** The stream entry field naming the event. */
	public static final String TYPE_FIELD = "type";

	/** The stream entry field holding the event's JSON. */
	public static final String DATA_FIELD = "data";

	private JobChannels() {
	}

	/** The key of the job's live event stream. */
	public static String events(UUID jobId) {
		return STREAM_PREFIX + jobId + ":events";
	}

	/** The message that asks to cancel the job. */
	public static String cancelMessage(UUID jobId) {
		return jobId.toString();
	}

	/** The job a cancel message names, or empty when it names none. */
	public static Optional<UUID> cancelledJob(String message) {
		try {
			return Optional.of(UUID.fromString(message.strip()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
