package io.authorworks.content.member;

import io.authorworks.platform.core.NotFoundException;

/**
 * The book does not exist, or the caller may not know that it exists.
 */
public class BookNotFoundException extends NotFoundException {

	public BookNotFoundException() {
		super("There is no such book.");
	}

}
