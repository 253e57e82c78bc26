package io.authorworks.platform.core;

/**
 * One reason a request is invalid, pointing at the field that caused it.
 *
 * @param field the JSON path of the offending field, or the parameter name
 * @param message what is wrong with it, readable by a person
 */
public record Violation(String field, String message) {
}
