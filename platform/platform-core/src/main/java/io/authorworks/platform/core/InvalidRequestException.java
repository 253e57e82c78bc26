package io.authorworks.platform.core;

import java.util.List;

/**
 * Well-formed input that breaks a rule the type system cannot express; answered
 * {@code 422} with {@code violations}.
 */
public class InvalidRequestException extends ProblemException {

	public InvalidRequestException(String field, String message) {
		this(List.of(new Violation(field, message)));
	}

	public InvalidRequestException(List<Violation> violations) {
		super(ProblemType.VALIDATION,
				violations.size() == 1 ? violations.getFirst().message() : violations.size() + " fields are not valid");
		with("violations", List.copyOf(violations));
	}

}
