package io.authorworks.lib.storyai.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads how long a provider asked us to wait: {@code retry-after-ms} (milliseconds, as
 * OpenAI and Anthropic send it) wins over {@code Retry-After}, which is either seconds or
 * an HTTP date (RFC 9110 §10.2.3).
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * @param header looks a response header up by name, ignoring case; answers
	 * {@code null} when absent
	 * @param clock the current time, for HTTP dates
	 * @return the wait, or {@code null} if the response did not say or said nonsense
	 */
	public static @Nullable Duration from(Function<String, @Nullable String> header, Clock clock) {
		Duration millis = parseMillis(header.apply("retry-after-ms"));
		if (millis != null) {
			return millis;
		}
		return parse(header.apply("retry-after"), clock);
	}

	static @Nullable Duration parseMillis(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			double ms = Double.parseDouble(value.strip());
			return (ms >= 0 && Double.isFinite(ms)) ? Duration.ofNanos((long) (ms * 1_000_000)) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Parses a {@code Retry-After} value: delay seconds or an HTTP date. */
	public static @Nullable Duration parse(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			double seconds = Double.parseDouble(text);
			return (seconds >= 0 && Double.isFinite(seconds)) ? Duration.ofMillis((long) (seconds * 1000)) : null;
		}
		catch (NumberFormatException ex) {
			// Not seconds: an HTTP date.
		}
		try {
			ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(clock.instant(), at.toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
