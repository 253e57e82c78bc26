package io.authorworks.gateway.ratelimit;

/**
 * A named budget of requests per minute, as announced in the {@code RateLimit-Policy}
 * header.
 *
 * @param name the policy name clients see, such as {@code sign-in}
 * @param perMinute the number of requests allowed per minute
 */
record RatePolicy(String name, int perMinute) {

	static final int WINDOW_SECONDS = 60;

	/**
	 * The {@code RateLimit-Policy} field value (draft-ietf-httpapi-ratelimit-headers).
	 */
	String policyHeader() {
		return "\"" + this.name + "\";q=" + this.perMinute + ";w=" + WINDOW_SECONDS;
	}

}
