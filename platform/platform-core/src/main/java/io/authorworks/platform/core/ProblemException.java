package io.authorworks.platform.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An expected failure that the web layer answers as an RFC 9457 problem. Domain
 * exceptions extend it (for example {@code BookNotFoundException}) so controllers never
 * build error responses by hand.
 */
public class ProblemException extends RuntimeException {

	private final ProblemType type;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public ProblemException(ProblemType type, String detail) {
		this(type, detail, null);
	}

	public ProblemException(ProblemType type, String detail, @Nullable Throwable cause) {
		super(detail, cause, false, false);
		this.type = type;
	}

	public ProblemType type() {
		return this.type;
	}

	public String detail() {
		String message = getMessage();
		return (message != null) ? message : this.type.title();
	}

	/** Purposeful extra members of the problem document, such as {@code violations}. */
	public Map<String, Object> properties() {
		return this.properties;
	}

	public ProblemException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

}
