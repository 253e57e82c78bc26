package io.authorworks.content.support;

import java.util.Collection;

/**
 * PostgreSQL array literals for binding lists as one parameter
 * ({@code cast(:tags as text[])}), since named parameters expand collections into value
 * lists.
 */
public final class PgArrays {

	private PgArrays() {
	}

	/** {@code {"a","b \"c\""}}: every element quoted, quotes and backslashes escaped. */
	public static String literal(Collection<?> values) {
		StringBuilder literal = new StringBuilder("{");
		for (Object value : values) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append('"').append(String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}

}
