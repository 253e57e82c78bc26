package io.authorworks.testing.llm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FakeServersTests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private HttpResponse<String> post(String url, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anthropicStreamsTheMessagesApiEventsInOrder() throws Exception {
		try (FakeAnthropicServer fake = FakeAnthropicServer.start()) {
			fake.enqueue(Reply.text("Hello there world"));

			HttpResponse<String> response = post(fake.baseUrl() + "/v1/messages",
					"{\"model\":\"claude-x\",\"max_tokens\":10,\"stream\":true,\"system\":\"Be brief.\","
							+ "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}");

			assertThat(response.headers().firstValue("content-type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			List<String> events = response.body().lines().filter((l) -> l.startsWith("event: ")).toList();
			assertThat(events).containsExactly("event: message_start", "event: content_block_start",
					"event: content_block_delta", "event: ping", "event: content_block_delta",
					"event: content_block_delta", "event: content_block_stop", "event: message_delta",
					"event: message_stop");
			int prompt = Tokenizer.CL100K.countPrompt(List.of("Be brief.", "Say hello"));
			assertThat(response.body()).contains("\"input_tokens\":" + prompt)
				.contains("\"output_tokens\":" + Tokenizer.CL100K.count("Hello there world"))
				.contains("\"stop_reason\":\"end_turn\"");
		}
	}

	@Test
	void anthropicErrorsHaveTheApiShape() throws Exception {
		try (FakeAnthropicServer fake = FakeAnthropicServer.start()) {
			fake.enqueue(Reply.overloaded(), Reply.rateLimited(7));

			HttpResponse<String> overloaded = post(fake.baseUrl() + "/v1/messages", "{\"stream\":true}");
			HttpResponse<String> limited = post(fake.baseUrl() + "/v1/messages", "{}");

			assertThat(overloaded.statusCode()).isEqualTo(529);
			JsonNode body = this.json.readTree(overloaded.body());
			assertThat(body.path("type").asString()).isEqualTo("error");
			assertThat(body.path("error").path("type").asString()).isEqualTo("overloaded_error");
			assertThat(body.path("request_id").asString()).startsWith("req_");
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(limited.headers().firstValue("retry-after")).contains("7");
		}
	}

	@Test
	void openAiStreamsChunksThenUsageThenDone() throws Exception {
		try (FakeOpenAiServer fake = FakeOpenAiServer.start()) {
			fake.enqueue(Reply.text("Hello there"));

			HttpResponse<String> response = post(fake.baseUrl() + "/chat/completions",
					"{\"model\":\"gpt-x\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
							+ "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}");

			List<String> data = response.body().lines().filter((l) -> l.startsWith("data: ")).toList();
			assertThat(data.getLast()).isEqualTo("data: [DONE]");
			JsonNode usage = this.json.readTree(data.get(data.size() - 2).substring(6));
			assertThat(usage.path("choices")).isEmpty();
			assertThat(usage.path("usage").path("prompt_tokens").asInt())
				.isEqualTo(Tokenizer.O200K.countPrompt(List.of("Say hello")));
			JsonNode finish = this.json.readTree(data.get(data.size() - 3).substring(6));
			assertThat(finish.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
			assertThat(finish.path("object").asString()).isEqualTo("chat.completion.chunk");
		}
	}

	@Test
	void openAiErrorsHaveTheApiShapeAndRequestsAreRecorded() throws Exception {
		try (FakeOpenAiServer fake = FakeOpenAiServer.start()) {
			fake.enqueue(
					Reply.error(400, "invalid_request_error", "Too long").withErrorCode("context_length_exceeded"));

			HttpResponse<String> response = post(fake.baseUrl() + "/chat/completions",
					"{\"model\":\"gpt-x\",\"messages\":[{\"role\":\"system\",\"content\":\"S\"},{\"role\":\"user\",\"content\":\"U\"}]}");

			JsonNode error = this.json.readTree(response.body()).path("error");
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(error.path("code").asString()).isEqualTo("context_length_exceeded");
			assertThat(error.path("message").asString()).isEqualTo("Too long");
			assertThat(error.has("param")).isTrue();
			assertThat(fake.requests().getFirst().promptTexts()).containsExactly("S", "U");
			assertThat(fake.requests().getFirst().model()).isEqualTo("gpt-x");
		}
	}

}
