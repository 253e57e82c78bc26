package io.authorworks.gateway.ratelimit;

/**
 * The outcome of taking one request from a budget.
 *
 * @param allowed whether the request may go ahead
 * @param remaining requests left in the budget
 * @param resetSeconds seconds until the budget is full again
 * @param retryAfterSeconds seconds until the next request would be allowed (0 when
 * allowed)
 */
record RateDecision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {

	/** The {@code RateLimit} field value (draft-ietf-httpapi-ratelimit-headers). */
	String header(RatePolicy policy) {
		return "\"" + policy.name() + "\";r=" + this.remaining + ";t=" + this.resetSeconds;
	}

}
