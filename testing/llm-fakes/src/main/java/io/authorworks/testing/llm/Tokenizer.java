package io.authorworks.testing.llm;

import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens the way a real provider would, with a real byte-pair encoding (jtokkit,
 * vocabularies inside the jar), so usage reported by the fakes is independent of the
 * estimator under test.
 */
public final class Tokenizer {

	/** OpenAI's {@code o200k_base}, used by GPT-4o and later. */
	public static final Tokenizer O200K = new Tokenizer(EncodingType.O200K_BASE, 3, 3);

	/**
	 * {@code cl100k_base} as a stand-in for Claude's tokenizer, which is not public; it
	 * counts English within a few percent of it.
	 */
	public static final Tokenizer CL100K = new Tokenizer(EncodingType.CL100K_BASE, 3, 1);

	private final Encoding encoding;

	private final int perMessage;

	private final int priming;

	private Tokenizer(EncodingType type, int perMessage, int priming) {
		this.encoding = Encodings.newDefaultEncodingRegistry().getEncoding(type);
		this.perMessage = perMessage;
		this.priming = priming;
	}

	public int count(String text) {
		return this.encoding.countTokensOrdinary(text);
	}

	/**
	 * Prompt tokens of a chat: each text plus the chat template's per-message overhead.
	 */
	public int countPrompt(List<String> texts) {
		int tokens = this.priming;
		for (String text : texts) {
			tokens += count(text) + this.perMessage;
		}
		return tokens;
	}

}
