package io.authorworks.launcher.engine;

import java.util.regex.Pattern;

/**
 * Quoting for the few statements that cannot take bind parameters (role and schema DDL).
 */
final class Sql {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private Sql() {
	}

	static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	/**
	 * A lower-case identifier, double-quoted; anything else is refused so a registry typo
	 * cannot turn into SQL.
	 */
	static String identifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
		}
		return "\"" + name + "\"";
	}

}
