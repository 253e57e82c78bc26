package io.authorworks.platform.test.houserules.good.book;

/**
 * The book feature's API for other features.
 */
public class BookLookup {

	/** Whether the book exists. */
	public boolean exists(String title) {
		return !title.isEmpty();
	}

}
