package io.authorworks.gateway.ratelimit;

/**
 * The outcome of taking one request from a budget.
 *
 * @param allowed whether the request may go ahead
 * @param remaining requests left in the budget
 * @param resetSeconds seconds until the budget is full again
 * @param retryAfterSeconds seconds until the next request would be allowed (0 when
 * allowed)
 * @param microsUntilNext microseconds until the next request would be allowed: after a
 * refusal the exact wait, after an allowed request 0 while the budget has one left, else
 * how long until it has
 */
record RateDecision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds, long microsUntilNext) {

	/** An allowed request. */
	static RateDecision allowed(long remaining, long microsUntilFull, long microsUntilNext) {
		return new RateDecision(true, remaining, seconds(microsUntilFull), 0, microsUntilNext);
	}

	/**
	 * A refused request. The budget refills evenly, so the next request is allowed as
	 * soon as one has come back: {@code Retry-After}, the {@code RateLimit} reset and the
	 * problem's text all name that moment. (Naming the time until the whole budget is
	 * back told a client to wait a minute where one second was enough.)
	 */
	static RateDecision refused(long microsUntilNext) {
		long wait = Math.max(seconds(microsUntilNext), 1);
		return new RateDecision(false, 0, wait, wait, microsUntilNext);
	}

	/** Whole seconds, rounded up. */
	static long seconds(long micros) {
		return (micros <= 0) ? 0 : (micros + 999_999) / 1_000_000;
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
