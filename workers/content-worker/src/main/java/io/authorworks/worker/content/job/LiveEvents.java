package io.authorworks.worker.content.job;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.authorworks.contracts.content.jobs.JobChannels;
import io.authorworks.contracts.content.jobs.JobEvent;
import io.authorworks.lib.storyai.TokenSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends a job's live events to its Redis stream ({@link JobChannels#events}), which
 * content-service serves as server-sent events with the entry ids as event ids. Events
 * are best effort: the job's truth is in PostgreSQL.
 */
@Component
class LiveEvents {

	private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

	private final StringRedisTemplate redis;

	private final ObjectMapper mapper;

	private final WorkerProperties properties;

	LiveEvents(StringRedisTemplate redis, ObjectMapper mapper, WorkerProperties properties) {
		this.redis = redis;
		this.mapper = mapper;
		this.properties = properties;
	}

	void send(UUID jobId, JobEvent type, Object data) {
		try {
			this.redis.opsForStream()
				.add(StreamRecords.string(Map.of(JobChannels.TYPE_FIELD, type.value(), JobChannels.DATA_FIELD,
						this.mapper.writeValueAsString(data)))
					.withStreamKey(JobChannels.events(jobId)));
		}
		catch (RuntimeException ex) {
			log.warn("Could not send {} of job {}: {}", type, jobId, ex.getMessage());
		}
	}

	/** Sends the last event of a job and lets its stream expire. */
	void end(UUID jobId, JobEvent type, Object data) {
		send(jobId, type, data);
		try {
			this.redis.expire(JobChannels.events(jobId), this.properties.streamTtl());
		}
		catch (RuntimeException ex) {
			log.warn("Could not set the expiry of job {}'s events: {}", jobId, ex.getMessage());
		}
	}

	/** A sink that sends streamed text in batches, at most every delta interval. */
	DeltaSink deltas(UUID jobId, int stepIndex) {
		return new DeltaSink(jobId, stepIndex, this.properties.deltaInterval());
	}

	/** Batches streamed text into {@code delta} events. */
	final class DeltaSink implements TokenSink {

		private final UUID jobId;

		private final int stepIndex;

		private final long intervalNanos;

		private final StringBuilder pending = new StringBuilder();

		private long lastFlush = System.nanoTime();

		private long characters;

		DeltaSink(UUID jobId, int stepIndex, Duration interval) {
			this.jobId = jobId;
			this.stepIndex = stepIndex;
			this.intervalNanos = interval.toNanos();
		}

		@Override
		public void onText(String delta) {
			this.pending.append(delta);
			this.characters += delta.length();
			if (System.nanoTime() - this.lastFlush >= this.intervalNanos) {
				flush();
			}
		}

		@Override
		public void onRestart() {
			this.pending.setLength(0);
			this.characters = 0;
			send(this.jobId, JobEvent.DELTA, new Delta(this.stepIndex, "", true));
		}

		void flush() {
			if (!this.pending.isEmpty()) {
				send(this.jobId, JobEvent.DELTA, new Delta(this.stepIndex, this.pending.toString(), false));
				this.pending.setLength(0);
			}
			this.lastFlush = System.nanoTime();
		}

		/** Output tokens streamed so far in this step, roughly (four characters each). */
		long approximateTokens() {
			return this.characters / 4;
		}

	}

	/**
	 * Streamed text.
	 *
	 * @param step the step index
	 * @param text the text since the last delta
	 * @param restart the step's text so far must be discarded (a retry started over)
	 */
	record Delta(int step, String text, boolean restart) {
	}

}
