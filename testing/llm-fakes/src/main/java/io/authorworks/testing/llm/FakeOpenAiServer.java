package io.authorworks.testing.llm;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks the OpenAI chat-completions API ({@code POST /v1/chat/completions}): a
 * {@code chat.completion} object, or with {@code "stream": true} {@code data:} lines of
 * {@code chat.completion.chunk} objects (a role chunk, content chunks, a chunk with the
 * {@code finish_reason}, and with {@code stream_options.include_usage} a last chunk with
 * empty {@code choices} and the {@code usage}), then {@code data: [DONE]}. Errors use
 * OpenAI's {@code {"error":{"message","type","param","code"}}}, mid-stream as a
 * {@code data:} line with an {@code error} member.
 */
public final class FakeOpenAiServer extends FakeLlmServer {

	private final AtomicLong ids = new AtomicLong();

	private FakeOpenAiServer() {
		super("/v1/chat/completions", Tokenizer.O200K);
	}

	public static FakeOpenAiServer start() {
		return new FakeOpenAiServer();
	}

	@Override
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/v1";
	}

	@Override
	List<String> promptTexts(JsonNode body) {
		List<String> texts = new ArrayList<>();
		for (JsonNode message : body.path("messages")) {
			JsonNode content = message.path("content");
			if (content.isString()) {
				texts.add(content.asString());
			}
			else {
				StringBuilder text = new StringBuilder();
				content.forEach((part) -> text.append(part.path("text").asString("")));
				texts.add(text.toString());
			}
		}
		return texts;
	}

	@Override
	String errorBody(Reply reply) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("message", reply.errorMessage());
		error.put("type", openAiType(reply.errorType()));
		error.putNull("param");
		if (reply.errorCode() != null) {
			error.put("code", reply.errorCode());
		}
		else {
			error.putNull("code");
		}
		return JSON.writeValueAsString(body);
	}

	private static String openAiType(String type) {
		return switch (type) {
			case "rate_limit_error" -> "requests";
			case "api_error" -> "server_error";
			default -> type;
		};
	}

	@Override
	String completeBody(RecordedRequest request, Reply reply) {
		ObjectNode completion = envelope(request, "chat.completion");
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0);
		choice.putObject("message").put("role", "assistant").put("content", reply.text());
		choice.put("finish_reason", stopReasonOr(reply, "stop"));
		usage(completion.putObject("usage"), promptTokens(request), outputTokens(reply.text()));
		return JSON.writeValueAsString(completion);
	}

	@Override
	void writeStream(Stream stream, RecordedRequest request, Reply reply, List<String> chunks) throws IOException {
		ObjectNode first = envelope(request, "chat.completion.chunk");
		ObjectNode role = first.putArray("choices").addObject().put("index", 0);
		role.putObject("delta").put("role", "assistant").put("content", "");
		role.putNull("finish_reason");
		first.putNull("usage");
		stream.data(JSON.writeValueAsString(first));
		stream.out().write(": keep-alive\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		StringBuilder sent = new StringBuilder();
		for (int i = 0; i < chunks.size(); i++) {
			if (reply.errorAfterChunks() > 0 && i == reply.errorAfterChunks()) {
				stream.data(errorBody(reply));
				return;
			}
			stream.pause();
			ObjectNode chunk = envelope(request, "chat.completion.chunk");
			ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
			choice.putObject("delta").put("content", chunks.get(i));
			choice.putNull("finish_reason");
			chunk.putNull("usage");
			stream.data(JSON.writeValueAsString(chunk));
			sent.append(chunks.get(i));
		}
		ObjectNode last = envelope(request, "chat.completion.chunk");
		ObjectNode finish = last.putArray("choices").addObject().put("index", 0);
		finish.putObject("delta");
		finish.put("finish_reason", stopReasonOr(reply, "stop"));
		last.putNull("usage");
		stream.data(JSON.writeValueAsString(last));
		if (request.body().path("stream_options").path("include_usage").asBoolean(false)) {
			ObjectNode usage = envelope(request, "chat.completion.chunk");
			usage.putArray("choices");
			usage(usage.putObject("usage"), promptTokens(request), outputTokens(sent.toString()));
			stream.data(JSON.writeValueAsString(usage));
		}
		stream.data("[DONE]");
	}

	private ObjectNode envelope(RecordedRequest request, String object) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", "chatcmpl-fake" + this.ids.incrementAndGet());
		node.put("object", object);
		node.put("created", 1_790_000_000L);
		node.put("model", request.model());
		node.putNull("system_fingerprint");
		return node;
	}

	private static void usage(ObjectNode usage, int prompt, int completion) {
		usage.put("prompt_tokens", prompt);
		usage.put("completion_tokens", completion);
		usage.put("total_tokens", prompt + completion);
	}

}
