package io.authorworks.platform.core;

import java.net.URI;

/**
 * A kind of problem a client can meet, named by a stable slug that becomes its RFC 9457
 * {@code type} URI.
 *
 * @param slug the stable, lower-case, dash-separated name of the problem
 * @param title the short human summary that never changes between occurrences
 * @param status the HTTP status the problem is answered with
 */
public record ProblemType(String slug, String title, int status) {

	/** Every problem type URI starts here. */
	public static final String BASE = "https://authorworks.dev/problems/";

	public static final ProblemType BAD_REQUEST = new ProblemType("bad-request", "Bad request", 400);

	public static final ProblemType MALFORMED_BODY = new ProblemType("malformed-body",
			"The request body could not be read", 400);

	public static final ProblemType VALIDATION = new ProblemType("validation-failed", "The request is not valid", 422);

	public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", "Authentication is required",
			401);

	public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "You are not allowed to do this", 403);

	/**
	 * The account lacks a role the action needs (for example {@code author} to start a
	 * book); the problem names it in a {@code role} member so a client can offer a way to
	 * get it.
	 */
	public static final ProblemType ROLE_REQUIRED = new ProblemType("role-required",
			"Your account does not have the role this needs", 403);

	public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Not found", 404);

	public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", "Method not allowed",
			405);

	public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", "Not acceptable", 406);

	public static final ProblemType CONFLICT = new ProblemType("conflict", "Conflict", 409);

	public static final ProblemType PRECONDITION_FAILED = new ProblemType("precondition-failed",
			"The resource has changed since you read it", 412);

	public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large",
			"The request body is too large", 413);

	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type",
			"Unsupported media type", 415);

	public static final ProblemType PRECONDITION_REQUIRED = new ProblemType("precondition-required",
			"This update needs an If-Match header", 428);

	public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", "Too many requests", 429);

	public static final ProblemType INTERNAL = new ProblemType("internal-error", "Something went wrong on our side",
			500);

	public static final ProblemType UNAVAILABLE = new ProblemType("service-unavailable",
			"The service is unavailable, try again shortly", 503);

	public ProblemType {
		if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw new IllegalArgumentException("Problem slug must be lower-case words joined by dashes: " + slug);
		}
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("Problem status must be 4xx or 5xx: " + status);
		}
	}

	/** The RFC 9457 {@code type} member. */
	public URI uri() {
		return URI.create(BASE + this.slug);
	}

	/** The generic type for a status that has no more specific problem kind. */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 400 -> BAD_REQUEST;
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 412 -> PRECONDITION_FAILED;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 422 -> VALIDATION;
			case 428 -> PRECONDITION_REQUIRED;
			case 429 -> RATE_LIMITED;
			case 503 -> UNAVAILABLE;
			default -> (status >= 500) ? INTERNAL : new ProblemType("http-" + status, "Request failed", status);
		};
	}

}
