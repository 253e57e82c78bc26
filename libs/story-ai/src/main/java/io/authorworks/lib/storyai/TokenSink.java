package io.authorworks.lib.storyai;

/**
 * Receives generated text as it streams, on the generating thread.
 */
@FunctionalInterface
public interface TokenSink {

	/** A sink that ignores the stream, for callers that only need the final result. */
	TokenSink IGNORE = (delta) -> {
	};

	/** The next piece of text, in order; never empty. */
	void onText(String delta);

	/**
	 * The text streamed so far must be discarded: a transient failure interrupted the
	 * stream and the call starts again from the beginning.
	 */
	default void onRestart() {
	}

}
