package io.authorworks.lib.storyai.cost;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authorworks.lib.storyai.Usage;

/**
 * A model's list price per million input and output tokens.
 *
 * @param inputMicrosPerMillion price of a million input tokens, in millionths of the
 * currency unit
 * @param outputMicrosPerMillion price of a million output tokens
 * @param currency ISO 4217 code
 */
public record ModelPrice(long inputMicrosPerMillion, long outputMicrosPerMillion, String currency) {

	/** What the offline generator and unknown local models cost. */
	public static final ModelPrice FREE = new ModelPrice(0, 0, "USD");

	private static final Pattern FORMAT = Pattern
		.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*/\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]{3})?\\s*");

	public ModelPrice {
		if (inputMicrosPerMillion < 0 || outputMicrosPerMillion < 0) {
			throw new IllegalArgumentException("Prices cannot be negative");
		}
	}

	/**
	 * Parses the configuration form {@code "2.00/10.00 USD"}: input and output price per
	 * million tokens, then the currency (USD when left out).
	 */
	public static ModelPrice parse(String text) {
		Matcher matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"A price looks like \"2.00/10.00 USD\" (input/output per million tokens): " + text);
		}
		String currency = (matcher.group(3) != null) ? matcher.group(3).toUpperCase(Locale.ROOT) : "USD";
		return new ModelPrice(micros(matcher.group(1)), micros(matcher.group(2)), currency);
	}

	private static long micros(String amount) {
		return new BigDecimal(amount).movePointRight(6).longValueExact();
	}

	/** The price of the given tokens, rounded up to the next micro-unit. */
	public Money cost(long inputTokens, long outputTokens) {
		return new Money(
				part(inputTokens, this.inputMicrosPerMillion) + part(outputTokens, this.outputMicrosPerMillion),
				this.currency);
	}

	public Money cost(Usage usage) {
		return cost(usage.inputTokens(), usage.outputTokens());
	}

	private static long part(long tokens, long microsPerMillion) {
		return Math.ceilDiv(Math.multiplyExact(tokens, microsPerMillion), 1_000_000L);
	}

}
