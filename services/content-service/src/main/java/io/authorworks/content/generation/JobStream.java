package io.authorworks.content.generation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * A job's live events in a Redis stream keyed by job ({@value #PREFIX}{@code <id>}): the
 * worker appends state changes, progress and batched text; each entry's id is the
 * server-sent event id, so a client that reconnects with {@code Last-Event-ID} reads
 * exactly what followed. The stream expires some time after the job ends. Cancellation of
 * a running job is announced on the {@value #CANCEL_CHANNEL} channel.
 */
@Component
class JobStream {

	static final String PREFIX = "content:generation:jobs:";

	static final String CANCEL_CHANNEL = "content:generation:cancel";

	/** A Redis stream entry id, which is also the id of the server-sent event. */
	static final Pattern ENTRY_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");

	private static final Logger log = LoggerFactory.getLogger(JobStream.class);

	private final StringRedisTemplate redis;

	JobStream(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String key(UUID jobId) {
		return PREFIX + jobId + ":events";
	}

	/**
	 * Appends an event; failures are logged, not thrown, since the job itself is in
	 * PostgreSQL and a client can always read it there.
	 */
	void append(UUID jobId, String type, String json, @Nullable Duration expireAfter) {
		try {
			this.redis.opsForStream()
				.add(StreamRecords.string(Map.of("type", type, "data", json)).withStreamKey(key(jobId)));
			if (expireAfter != null) {
				this.redis.expire(key(jobId), expireAfter);
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
					StreamOffset.create(key(jobId), ReadOffset.from(afterId)));
		List<Event> events = new ArrayList<>();
		if (records != null) {
			for (MapRecord<String, Object, Object> record : records) {
				events.add(new Event(record.getId().getValue(), String.valueOf(record.getValue().get("type")),
						String.valueOf(record.getValue().get("data"))));
			}
		}
		return events;
	}

	boolean exists(UUID jobId) {
		return Boolean.TRUE.equals(this.redis.hasKey(key(jobId)));
	}

	/** Tells every worker to stop the job if it runs it. */
	void announceCancel(UUID jobId) {
		this.redis.convertAndSend(CANCEL_CHANNEL, jobId.toString());
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
			return "completed".equals(this.type) || "failed".equals(this.type) || "cancelled".equals(this.type);
		}

	}

}
