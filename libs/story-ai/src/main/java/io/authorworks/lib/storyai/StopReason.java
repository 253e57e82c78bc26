package io.authorworks.lib.storyai;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Why the model stopped generating.
 */
public enum StopReason {

	/** The model finished its answer. */
	END_TURN,

	/** The output reached {@code maxOutputTokens}: the text is cut off. */
	MAX_TOKENS,

	/** One of the stop sequences appeared. */
	STOP_SEQUENCE,

	/** The provider filtered or refused the content. */
	REFUSAL,

	/** Anything else the provider reported. */
	OTHER;

	/** Maps the stop reasons of the Anthropic and OpenAI wire formats. */
	public static StopReason fromWire(@Nullable String value) {
		if (value == null) {
			return OTHER;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "end_turn", "stop" -> END_TURN;
			case "max_tokens", "length" -> MAX_TOKENS;
			case "stop_sequence" -> STOP_SEQUENCE;
			case "refusal", "content_filter" -> REFUSAL;
			default -> OTHER;
		};
	}

}
