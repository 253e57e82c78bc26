package io.authorworks.testing.llm;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A request a fake server received.
 *
 * @param method the HTTP method
 * @param path the request path
 * @param headers the request headers, names in lower case
 * @param body the JSON body
 * @param model the model asked for
 * @param stream whether the client asked for a stream
 * @param promptTexts the system prompt and message texts, in order
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body,
		String model, boolean stream, List<String> promptTexts) {

	public String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		return (values == null || values.isEmpty()) ? "" : values.getFirst();
	}

	/** The text of the last user message. */
	public String lastUserText() {
		return this.promptTexts.isEmpty() ? "" : this.promptTexts.getLast();
	}

}
