package io.authorworks.platform.core;

/**
 * A resource does not exist, or the caller may not know that it exists: both answer
 * {@code 404}.
 */
public class NotFoundException extends ProblemException {

	public NotFoundException(String detail) {
		super(ProblemType.NOT_FOUND, detail);
	}

	public NotFoundException(ProblemType type, String detail) {
		super(type, detail);
	}

}
