package io.authorworks.platform.test.houserules.bad.book.internal;

/**
 * An internal of the book feature: public for its own subpackages, not for other
 * features.
 */
public class BookIndex {

	/** Whether the title is indexed. */
	public boolean contains(String title) {
		return !title.isEmpty();
	}

}
