package io.authorworks.testing.llm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks the Anthropic Messages API ({@code POST /v1/messages}): a JSON message, or with
 * {@code "stream": true} the server-sent events {@code message_start},
 * {@code content_block_start}, {@code content_block_delta} (with a {@code ping} after the
 * first), {@code content_block_stop}, {@code message_delta} with the cumulative usage,
 * and {@code message_stop}; errors as
 * {@code {"type":"error","error":{"type":…,"message":…},"request_id":…}} with a
 * {@code request-id} header, and mid-stream as an {@code error} event. Like the real API
 * it accepts {@code x-api-key} or {@code Authorization: Bearer} and requires neither.
 */
public final class FakeAnthropicServer extends FakeLlmServer {

	private final AtomicLong ids = new AtomicLong();

	private FakeAnthropicServer() {
		super("/v1/messages", Tokenizer.CL100K);
	}

	public static FakeAnthropicServer start() {
		return new FakeAnthropicServer();
	}

	@Override
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	@Override
	List<String> promptTexts(JsonNode body) {
		List<String> texts = new ArrayList<>();
		JsonNode system = body.path("system");
		if (system.isString()) {
			texts.add(system.asString());
		}
		else if (system.isArray()) {
			system.forEach((block) -> texts.add(block.path("text").asString("")));
		}
		for (JsonNode message : body.path("messages")) {
			JsonNode content = message.path("content");
			if (content.isString()) {
				texts.add(content.asString());
			}
			else {
				StringBuilder text = new StringBuilder();
				content.forEach((block) -> text.append(block.path("text").asString("")));
				texts.add(text.toString());
			}
		}
		return texts;
	}

	@Override
	String errorBody(Reply reply) {
		ObjectNode body = JSON.createObjectNode();
		body.put("type", "error");
		ObjectNode error = body.putObject("error");
		error.put("type", reply.errorType());
		error.put("message", reply.errorMessage());
		if (reply.errorCode() != null) {
			error.putObject("details").put("error_code", reply.errorCode());
		}
		body.put("request_id", "req_fake_" + this.ids.incrementAndGet());
		return JSON.writeValueAsString(body);
	}

	@Override
	String completeBody(RecordedRequest request, Reply reply) {
		ObjectNode message = message(request);
		message.putArray("content").addObject().put("type", "text").put("text", reply.text());
		message.put("stop_reason", stopReasonOr(reply, "end_turn"));
		message.putObject("usage")
			.put("input_tokens", promptTokens(request))
			.put("output_tokens", outputTokens(reply.text()));
		return JSON.writeValueAsString(message);
	}

	@Override
	void writeStream(Stream stream, RecordedRequest request, Reply reply, List<String> chunks) throws IOException {
		ObjectNode start = JSON.createObjectNode().put("type", "message_start");
		ObjectNode message = message(request);
		message.putArray("content");
		message.putNull("stop_reason");
		message.putObject("usage").put("input_tokens", promptTokens(request)).put("output_tokens", 1);
		start.set("message", message);
		stream.event("message_start", JSON.writeValueAsString(start));
		stream.event("content_block_start",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
		StringBuilder sent = new StringBuilder();
		for (int i = 0; i < chunks.size(); i++) {
			if (reply.errorAfterChunks() > 0 && i == reply.errorAfterChunks()) {
				stream.event("error", errorBody(reply));
				return;
			}
			stream.pause();
			ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
			delta.putObject("delta").put("type", "text_delta").put("text", chunks.get(i));
			stream.event("content_block_delta", JSON.writeValueAsString(delta));
			sent.append(chunks.get(i));
			if (i == 0) {
				stream.event("ping", "{\"type\": \"ping\"}");
			}
		}
		stream.event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
		ObjectNode end = JSON.createObjectNode().put("type", "message_delta");
		end.putObject("delta").put("stop_reason", stopReasonOr(reply, "end_turn")).putNull("stop_sequence");
		end.putObject("usage").put("output_tokens", outputTokens(sent.toString()));
		stream.event("message_delta", JSON.writeValueAsString(end));
		stream.event("message_stop", "{\"type\":\"message_stop\"}");
	}

	private ObjectNode message(RecordedRequest request) {
		ObjectNode message = JSON.createObjectNode();
		message.put("id", "msg_fake_" + this.ids.incrementAndGet());
		message.put("type", "message");
		message.put("role", "assistant");
		message.put("model", request.model());
		message.putNull("stop_sequence");
		return message;
	}

}
