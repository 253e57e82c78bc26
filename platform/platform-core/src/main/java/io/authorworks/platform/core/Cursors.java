package io.authorworks.platform.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Opaque pagination cursors: the keyset values of the last item seen, tagged with what
 * the listing was sorted by so a cursor cannot be replayed against another order. Clients
 * must treat them as opaque strings.
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

}
