package io.authorworks.lib.storyai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One call to a model.
 *
 * @param model the provider's model name
 * @param systemPrompt instructions that frame the conversation, may be empty
 * @param messages the conversation, starting with a user turn
 * @param maxOutputTokens the most tokens the model may generate
 * @param temperature sampling temperature, or {@code null} for the provider's default
 * @param stopSequences texts that end generation when they appear
 * @param cancellation cancels the call from another thread
 * @param task the structured request, which the offline generator works from; may be
 * {@code null} for free-form calls
 * @param seed makes the offline generator (and providers that honour seeds) deterministic
 */
public record GenerationRequest(String model, String systemPrompt, List<ChatMessage> messages, int maxOutputTokens,
		@Nullable Double temperature, List<String> stopSequences, CancellationToken cancellation,
		@Nullable GenerationTask task, long seed) {

	public GenerationRequest {
		Objects.requireNonNull(model, "model");
		systemPrompt = Objects.requireNonNullElse(systemPrompt, "");
		messages = List.copyOf(messages);
		if (messages.isEmpty() || messages.getFirst().role() != ChatMessage.Role.USER) {
			throw new IllegalArgumentException("The conversation must start with a user message");
		}
		if (maxOutputTokens < 1) {
			throw new IllegalArgumentException("maxOutputTokens must be positive");
		}
		if (temperature != null && (temperature < 0 || temperature > 2)) {
			throw new IllegalArgumentException("temperature must be between 0 and 2");
		}
		stopSequences = List.copyOf(stopSequences);
		Objects.requireNonNull(cancellation, "cancellation");
	}

	public static Builder builder(String model) {
		return new Builder(model);
	}

	/** The whole prompt as one text, for token estimates. */
	public String promptText() {
		StringBuilder text = new StringBuilder(this.systemPrompt);
		for (ChatMessage message : this.messages) {
			text.append("\n\n").append(message.content());
		}
		return text.toString();
	}

	/** The last user turn. */
	public String lastUserMessage() {
		for (int i = this.messages.size() - 1; i >= 0; i--) {
			if (this.messages.get(i).role() == ChatMessage.Role.USER) {
				return this.messages.get(i).content();
			}
		}
		return "";
	}

	public GenerationRequest withModel(String otherModel) {
		return new GenerationRequest(otherModel, this.systemPrompt, this.messages, this.maxOutputTokens,
				this.temperature, this.stopSequences, this.cancellation, this.task, this.seed);
	}

	/** Builds a {@link GenerationRequest}. */
	public static final class Builder {

		private final String model;

		private String systemPrompt = "";

		private final List<ChatMessage> messages = new ArrayList<>();

		private int maxOutputTokens = 1024;

		private @Nullable Double temperature;

		private List<String> stopSequences = List.of();

		private CancellationToken cancellation = CancellationToken.create();

		private @Nullable GenerationTask task;

		private long seed;

		private Builder(String model) {
			this.model = model;
		}

		public Builder system(String prompt) {
			this.systemPrompt = prompt;
			return this;
		}

		public Builder user(String content) {
			this.messages.add(ChatMessage.user(content));
			return this;
		}

		public Builder assistant(String content) {
			this.messages.add(ChatMessage.assistant(content));
			return this;
		}

		public Builder maxOutputTokens(int tokens) {
			this.maxOutputTokens = tokens;
			return this;
		}

		public Builder temperature(@Nullable Double value) {
			this.temperature = value;
			return this;
		}

		public Builder stopSequences(List<String> sequences) {
			this.stopSequences = sequences;
			return this;
		}

		public Builder cancellation(CancellationToken token) {
			this.cancellation = token;
			return this;
		}

		public Builder task(@Nullable GenerationTask value) {
			this.task = value;
			return this;
		}

		public Builder seed(long value) {
			this.seed = value;
			return this;
		}

		public GenerationRequest build() {
			return new GenerationRequest(this.model, this.systemPrompt, this.messages, this.maxOutputTokens,
					this.temperature, this.stopSequences, this.cancellation, this.task, this.seed);
		}

	}

}
