package io.authorworks.platform.core;

/**
 * The request contradicts the current state of a resource (a taken username, a duplicate
 * slug).
 */
public class ConflictException extends ProblemException {

	public ConflictException(ProblemType type, String detail) {
		super(type, detail);
	}

}
