package io.authorworks.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an operation answers beyond those every operation can (which the chassis
 * documents on its own), so that its OpenAPI document lists it: for example a {@code 409}
 * when a name is taken.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

	/** The HTTP status, 4xx or 5xx. */
	int status();

	/** When it happens, for the reader of the document. */
	String description();

	/** Several problem responses on one operation. */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		ProblemResponse[] value();

	}

}
