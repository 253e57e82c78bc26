package io.authorworks.lib.storyai.cost;

/**
 * The expected size in tokens of an answer whose shape a prompt fixes, added up from that
 * shape: words of prose, and for JSON answers the fields, list items and nested objects
 * with the words each value should have.
 *
 * <pre>{@code
 * AnswerSize character = AnswerSize.json().text(2).text(12).list(2.5, 1);
 * long tokens = AnswerSize.json().objects(3, character).text(30).tokens();
 * }</pre>
 *
 * <p>
 * Counts may be fractional: a prompt asking for "two or three" of something is expected
 * to get two and a half on average.
 */
public final class AnswerSize {

	/**
	 * Tokens per English word in generated text. Byte-pair encodings split fiction into
	 * about 1.3 tokens a word (common words are one token, names and long words two or
	 * three) and punctuation adds the rest.
	 */
	public static final double TOKENS_PER_WORD = 1.35;

	/**
	 * Tokens a JSON field costs besides its value: its key with the quotes, colon and
	 * comma around it, with the answer's brackets and braces spread over its fields.
	 * {@code cl100k} and {@code o200k} both count 3.1 per field on generated bibles,
	 * outlines and chapter plans ({@code "description":"} is two tokens, {@code ",} one).
	 */
	public static final double TOKENS_PER_FIELD = 3;

	/**
	 * Tokens between two items of a list: {@code ","} and <code>},{</code> are each one
	 * token.
	 */
	public static final double TOKENS_PER_ITEM = 1;

	private double tokens;

	private AnswerSize(double tokens) {
		this.tokens = tokens;
	}

	/** An empty JSON object, to add fields to. */
	public static AnswerSize json() {
		return new AnswerSize(0);
	}

	/** Prose of about {@code words} words. */
	public static AnswerSize prose(double words) {
		return new AnswerSize(words * TOKENS_PER_WORD);
	}

	/** A field whose value is text of about {@code words} words. */
	public AnswerSize text(double words) {
		return field(words * TOKENS_PER_WORD);
	}

	/**
	 * A field whose value's size is already known in tokens, such as text the answer
	 * repeats from the prompt.
	 */
	public AnswerSize field(double valueTokens) {
		this.tokens += TOKENS_PER_FIELD + valueTokens;
		return this;
	}

	/** A field holding a list of {@code items} texts of about {@code wordsEach} words. */
	public AnswerSize list(double items, double wordsEach) {
		return field(items * (wordsEach * TOKENS_PER_WORD + TOKENS_PER_ITEM));
	}

	/** A field holding a list of {@code count} objects of the same shape. */
	public AnswerSize objects(double count, AnswerSize each) {
		return field(count * (each.tokens + TOKENS_PER_ITEM));
	}

	/** A field holding one nested object. */
	public AnswerSize object(AnswerSize fields) {
		return field(fields.tokens);
	}

	/** The expected size, rounded to whole tokens. */
	public long tokens() {
		return Math.round(this.tokens);
	}

}
