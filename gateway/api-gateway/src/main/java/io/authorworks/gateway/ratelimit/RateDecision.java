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

	/**
	 * A refused request. The budget refills evenly, so the next request is allowed as
	 * soon as one has come back: {@code Retry-After}, the {@code RateLimit} reset and the
	 * problem's text all name that moment. (Naming the time until the whole budget is
	 * back told a client to wait a minute where one second was enough.)
	 */
	static RateDecision refused(long secondsUntilNext) {
		long wait = Math.max(secondsUntilNext, 1);
		return new RateDecision(false, 0, wait, wait);
	}

	/** The wait in words: "1 second", "12 seconds". */
	String waitInWords() {
		return (this.retryAfterSeconds == 1) ? "1 second" : this.retryAfterSeconds + " seconds";
	}

	/** The {@code RateLimit} field value (draft-ietf-httpapi-ratelimit-headers). */
	String header(RatePolicy policy) {
		return "\"" + policy.name() + "\";r=" + this.remaining + ";t=" + this.resetSeconds;
	}

}
