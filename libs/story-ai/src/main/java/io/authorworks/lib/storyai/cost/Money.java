package io.authorworks.lib.storyai.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in millionths of a currency unit (micro-dollars for USD), exact and integer
 * so sums of many small calls do not drift.
 *
 * @param micros the amount in millionths of the unit
 * @param currency the ISO 4217 code, such as {@code USD}
 */
public record Money(long micros, String currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (micros < 0) {
			throw new IllegalArgumentException("Money cannot be negative");
		}
	}

	public static Money zero(String currency) {
		return new Money(0, currency);
	}

	public Money plus(Money other) {
		if (!this.currency.equals(other.currency) && other.micros != 0 && this.micros != 0) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(Math.addExact(this.micros, other.micros), (this.micros != 0) ? this.currency : other.currency);
	}

	/**
	 * The amount in whole units, rounded up to the cent for display: {@code 0.0123 USD}.
	 */
	public String display() {
		return BigDecimal.valueOf(this.micros, 6).setScale(4, RoundingMode.UP).toPlainString() + " " + this.currency;
	}

}
