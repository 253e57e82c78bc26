package io.authorworks.gateway.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds how many bearer calls one client address may have rejected. Each call carrying a
 * bearer token that is answered {@code 401} takes one request from the address's
 * {@code rejected} budget; once it is spent, the address's bearer calls get a {@code 429}
 * before any token is checked, so guessing or replaying tokens costs the caller a
 * minute's wait, not the gateway a verification per attempt. Calls that succeed take
 * nothing from this budget.
 *
 * <p>
 * The budget is counted in Redis, but whether it is spent is remembered here: only a
 * rejection takes from it, and taking tells how long until it has a request again, so a
 * call that is let through costs Redis nothing (asking Redis before every bearer call
 * doubled the rate limits' Redis work per request). On one gateway this refuses exactly
 * what asking Redis did; with several, each learns that an address's budget is spent from
 * its own first rejection of it, so an address gets at most one more checked guess per
 * gateway each time its budget is spent.
 *
 * <p>
 * Runs before Spring Security, which is where tokens are checked. When Redis cannot be
 * reached the request is let through, as with the other limits.
 */
class RejectedCallsFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RejectedCallsFilter.class);

	private final RedisRateLimits limits;

	private final RatePolicy rejected;

	/**
	 * Addresses whose budget is spent, with the {@link System#nanoTime()} at which it has
	 * a request again. The wait is at most one window (the budget refills evenly).
	 */
	private final Cache<String, Long> spentUntil = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(RatePolicy.WINDOW_SECONDS))
		.maximumSize(100_000)
		.build();

	RejectedCallsFilter(RedisRateLimits limits, RateLimitProperties properties) {
		this.limits = limits;
		this.rejected = new RatePolicy("rejected", properties.rejectedPerMinute());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!carriesBearerToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		String caller = "ip:" + request.getRemoteAddr();
		Long until = this.spentUntil.getIfPresent(caller);
		long wait = (until != null) ? until - System.nanoTime() : 0;
		if (wait > 0) {
			RateDecision budget = RateDecision.refused(TimeUnit.NANOSECONDS.toMicros(wait));
			response.setHeader("RateLimit-Policy", this.rejected.policyHeader());
			response.setHeader("RateLimit", budget.header(this.rejected));
			TooManyRequests.write(request, response, budget);
			return;
		}
		chain.doFilter(request, new CountingRejection(response, caller));
	}

	/**
	 * Counts the rejection as the status is set, before the client can see it: counted
	 * after the response, a client's next call could be checked before this one was
	 * counted.
	 */
	private final class CountingRejection extends HttpServletResponseWrapper {

		private final String caller;

		private boolean counted;

		CountingRejection(HttpServletResponse response, String caller) {
			super(response);
			this.caller = caller;
		}

		@Override
		public void setStatus(int status) {
			count(status);
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			count(status);
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			count(status);
			super.sendError(status, message);
		}

		private void count(int status) {
			if (status != SC_UNAUTHORIZED || this.counted) {
				return;
			}
			this.counted = true;
			try {
				RateDecision taken = RejectedCallsFilter.this.limits.take(RejectedCallsFilter.this.rejected,
						this.caller);
				if (taken.microsUntilNext() > 0) {
					RejectedCallsFilter.this.spentUntil.put(this.caller,
							System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(taken.microsUntilNext()));
				}
			}
			catch (RuntimeException ex) {
				log.warn("Rejected call not counted, Redis did not answer: {}", ex.getMessage());
			}
		}

	}

	private static boolean carriesBearerToken(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
