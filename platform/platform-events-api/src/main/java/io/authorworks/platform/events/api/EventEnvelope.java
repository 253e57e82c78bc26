package io.authorworks.platform.events.api;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as it travels on the wire.
 *
 * @param specversion always {@code 1.0}
 * @param id unique per event; consumers deduplicate on it
 * @param source the producing service, e.g. {@code /services/users}
 * @param type the event type, e.g. {@code user.registered}
 * @param subject what the event is about, e.g. {@code users/0193…}
 * @param time when it happened
 * @param datacontenttype always {@code application/json}
 * @param dataversion the version of the shape of {@code data}
 * @param traceparent the W3C trace context of the transaction that produced it
 * @param data the event record
 */
public record EventEnvelope(String specversion, UUID id, String source, String type, String subject, Instant time,
		String datacontenttype, String dataversion, @Nullable String traceparent, JsonNode data) {

	/** Reads {@code data} as the consumer's own record type. */
	public <T> T dataAs(ObjectMapper mapper, Class<T> type) {
		return mapper.treeToValue(this.data, type);
	}

}
