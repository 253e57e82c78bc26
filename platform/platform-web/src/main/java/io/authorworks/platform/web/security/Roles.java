package io.authorworks.platform.web.security;

import java.util.List;

/**
 * The roles an account can hold, as tokens carry them in their {@code roles} claim, and
 * what each means in the product. Every account is a {@link #READER}; {@link #AUTHOR} and
 * {@link #ADMIN} add powers on top.
 */
public final class Roles {

	/** Reads published books, keeps a library and a profile. Everyone has it. */
	public static final String READER = "reader";

	/** Starts books and series of their own and runs AI generation in them. */
	public static final String AUTHOR = "author";

	/** Administers accounts and takes published books down (and restores them). */
	public static final String ADMIN = "admin";

	/** Every role, in the order of the powers they add. */
	public static final List<String> ALL = List.of(READER, AUTHOR, ADMIN);

	private Roles() {
	}

	/** A sentence telling someone without the role what it would let them do. */
	static String missing(String role) {
		return switch (role) {
			case AUTHOR -> "Only authors can do this. Become an author in your account settings to start writing.";
			case ADMIN -> "Only administrators can do this.";
			default -> "This needs the '" + role + "' role, which your account does not have.";
		};
	}

}
