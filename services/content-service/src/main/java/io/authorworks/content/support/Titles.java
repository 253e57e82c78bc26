package io.authorworks.content.support;

/**
 * The one limit every titled thing in a book shares, so a title that fits a book also
 * fits a chapter or series, and the web app's forms can use the same number.
 */
public final class Titles {

	/** The longest title (of a book, chapter or series) or subtitle. */
	public static final int MAX_LENGTH = 200;

	private Titles() {
	}

}
