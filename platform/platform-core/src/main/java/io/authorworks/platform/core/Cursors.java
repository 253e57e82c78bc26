package io.authorworks.platform.core;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Opaque pagination cursors: the keyset values of the last item seen, tagged with what
 * the listing was sorted by so a cursor cannot be replayed against another order. Clients
 * must treat them as opaque strings.
 *
 * <p>
 * A listing writes a cursor with {@link #encode} (timestamps as {@link #micros}) and
 * reads it back with {@link #keyset}, whose typed getters turn anything that does not
 * read back into the same {@code 400} as a cursor for another listing.
 */
public final class Cursors {

	private static final char SEPARATOR = '\u001f';

	private Cursors() {
	}

	/** The cursor for the given sort and keyset values. */
	public static String encode(String sort, String... values) {
		StringBuilder text = new StringBuilder(sort);
		for (String value : values) {
			text.append(SEPARATOR).append(value);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The keyset values of a cursor made for {@code sort}, or {@code null} when there is
	 * no cursor; anything else is a {@code 400}.
	 */
	public static @Nullable List<String> decode(@Nullable String cursor, String sort, int values) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			List<String> parts = List.of(text.split(String.valueOf(SEPARATOR), -1));
			if (parts.size() == values + 1 && parts.getFirst().equals(sort)) {
				return parts.subList(1, parts.size());
			}
		}
		catch (IllegalArgumentException ex) {
			// Falls through to the problem below.
		}
		throw invalid();
	}

	/**
	 * The keyset of a cursor made for {@code sort}, or {@code null} when there is no
	 * cursor; anything else is a {@code 400}.
	 */
	public static @Nullable Keyset keyset(@Nullable String cursor, String sort, int values) {
		List<String> decoded = decode(cursor, sort, values);
		return (decoded != null) ? new Keyset(decoded) : null;
	}

	/**
	 * A timestamp as whole microseconds since the epoch: PostgreSQL's precision, so the
	 * value compares exactly with the stored one (an {@link Instant}'s nanoseconds would
	 * not).
	 */
	public static String micros(Instant instant) {
		return String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
	}

	public static ProblemException invalid() {
		return new ProblemException(ProblemType.BAD_REQUEST,
				"Parameter 'cursor' is not a cursor this listing gave out; start again without it.");
	}

	/** Checks {@code limit} against the conventions (1 to 100, 20 when absent). */
	public static int limit(@Nullable Integer limit) {
		if (limit == null) {
			return 20;
		}
		if (limit < 1 || limit > 100) {
			throw new ProblemException(ProblemType.BAD_REQUEST, "Parameter 'limit' must be between 1 and 100.");
		}
		return limit;
	}

	/**
	 * The keyset values a cursor carried, read back as what the listing wrote; a value
	 * that does not read is a forged or damaged cursor, answered {@code 400}.
	 *
	 * @param values the values in the order they were encoded
	 */
	public record Keyset(List<String> values) {

		public Keyset {
			values = List.copyOf(values);
		}

		public String text(int index) {
			return this.values.get(index);
		}

		public UUID uuid(int index) {
			UUID id = Ids.parseOrNull(text(index));
			if (id == null) {
				throw invalid();
			}
			return id;
		}

		public int integer(int index) {
			try {
				return Integer.parseInt(text(index));
			}
			catch (NumberFormatException ex) {
				throw invalid();
			}
		}

		/** A timestamp written as {@link Instant#toString()}. */
		public Instant instant(int index) {
			try {
				return Instant.parse(text(index));
			}
			catch (DateTimeException ex) {
				throw invalid();
			}
		}

		/** A timestamp written with {@link Cursors#micros(Instant)}. */
		public Instant micros(int index) {
			try {
				return Instant.EPOCH.plus(Long.parseLong(text(index)), ChronoUnit.MICROS);
			}
			catch (NumberFormatException | DateTimeException | ArithmeticException ex) {
				throw invalid();
			}
		}

	}

}
