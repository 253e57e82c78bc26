package io.authorworks.content.book;

import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;

/**
 * The book was taken down by an admin, so it cannot be published until an admin restores
 * it; the problem carries the admin's reason.
 */
public class BookTakenDownException extends ProblemException {

	public static final ProblemType PROBLEM = new ProblemType("book-taken-down",
			"The book was taken down by an administrator", 409);

	public BookTakenDownException(Book book) {
		super(PROBLEM, "An administrator took this book down, so it cannot be published until it is restored. "
				+ "Reason given: " + book.takedownReason());
		with("reason", String.valueOf(book.takedownReason()));
	}

}
