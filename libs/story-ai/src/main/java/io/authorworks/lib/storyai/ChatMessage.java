package io.authorworks.lib.storyai;

import java.util.Objects;

/**
 * One turn of the conversation sent to the model.
 *
 * @param role who speaks
 * @param content the text of the turn
 */
public record ChatMessage(Role role, String content) {

	public ChatMessage {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(content, "content");
	}

	public static ChatMessage user(String content) {
		return new ChatMessage(Role.USER, content);
	}

	public static ChatMessage assistant(String content) {
		return new ChatMessage(Role.ASSISTANT, content);
	}

	/** Who speaks a turn; the system prompt travels separately. */
	public enum Role {

		USER, ASSISTANT

	}

}
