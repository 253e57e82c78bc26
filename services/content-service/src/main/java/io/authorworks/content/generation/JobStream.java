package io.authorworks.content.generation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.authorworks.contracts.content.jobs.JobChannels;
import io.authorworks.contracts.content.jobs.JobEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * A job's live events in a Redis stream keyed by job ({@link JobChannels#events}): the
 * worker appends state changes, progress and batched text; each entry's id is the
 * server-sent event id, so a client that reconnects with {@code Last-Event-ID} reads
 * exactly what followed. The stream expires some time after the job ends. Cancellation of
 * a running job is announced on the {@value JobChannels#CANCEL} channel.
 */
@Component
class JobStream {

	/** A Redis stream entry id, which is also the id of the server-sent event. */
	static final Pattern ENTRY_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

	private static final Logger log = LoggerFactory.getLogger(JobStream.class);

	private final StringRedisTemplate redis;

	JobStream(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Appends an event; failures are logged, not thrown, since the job itself is in
	 * PostgreSQL and a client can always read it there.
	 */
	void append(UUID jobId, JobEvent type, String json, @Nullable Duration expireAfter) {
		String key = JobChannels.events(jobId);
		try {
			this.redis.opsForStream()
				.add(StreamRecords.string(Map.of(JobChannels.TYPE_FIELD, type.value(), JobChannels.DATA_FIELD, json))
					.withStreamKey(key));
			if (expireAfter != null) {
				this.redis.expire(key, expireAfter);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not append {} to the event stream of job {}: {}", type, jobId, ex.getMessage());
		}
	}

	/**
	 * Events after {@code afterId}, waiting up to {@code block} for the first, or not at
	 * all when it is {@code null}.
	 */
	@SuppressWarnings("unchecked") // generic varargs of the stream API
	List<Event> read(UUID jobId, String afterId, @Nullable Duration block) {
		StreamReadOptions options = StreamReadOptions.empty().count(200);
		List<MapRecord<String, Object, Object>> records = this.redis.opsForStream()
			.read((block != null) ? options.block(block) : options,
					StreamOffset.create(JobChannels.events(jobId), ReadOffset.from(afterId)));
		List<Event> events = new ArrayList<>();
		if (records != null) {
			for (MapRecord<String, Object, Object> record : records) {
				events.add(new Event(record.getId().getValue(),
						String.valueOf(record.getValue().get(JobChannels.TYPE_FIELD)),
						String.valueOf(record.getValue().get(JobChannels.DATA_FIELD))));
			}
		}
		return events;
	}

	boolean exists(UUID jobId) {
		return Boolean.TRUE.equals(this.redis.hasKey(JobChannels.events(jobId)));
	}

	/** Tells every worker to stop the job if it runs it. */
	void announceCancel(UUID jobId) {
		this.redis.convertAndSend(JobChannels.CANCEL, JobChannels.cancelMessage(jobId));
	}

	/**
	 * One live event.
	 *
	 * @param id the stream entry id, used as the SSE id
	 * @param type the event name
	 * @param data its JSON
	 */
	record Event(String id, String type, String data) {

		boolean terminal() {
			return JobEvent.of(this.type).filter(JobEvent::isTerminal).isPresent();
		}

	}

}
