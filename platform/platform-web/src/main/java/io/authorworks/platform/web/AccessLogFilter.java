package io.authorworks.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A log line (method, path, status, duration) for every request that failed ({@code 4xx}
 * or {@code 5xx}, or an exception), took at least the slow threshold, or belongs to a
 * sampled trace; written inside the tracing scope so the line carries the trace id, span
 * id and request id. The other requests (the unsampled, fast, successful majority) are
 * counted and timed by the HTTP server metrics and logged only at {@code DEBUG}: a line
 * for each cost 3–6 % of a chapter read's CPU (bench/README.md). Health and metrics
 * scrapes are left out.
 */
public class AccessLogFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger("io.authorworks.access");

	private final long slowNanos;

	private final BooleanSupplier sampled;

	/** Logs every request: for tests and for deployables without tracing. */
	public AccessLogFilter() {
		this(Duration.ZERO, () -> true);
	}

	/**
	 * @param slow requests that take at least this long are always logged
	 * @param sampled whether the current request's trace is sampled
	 */
	public AccessLogFilter(Duration slow, BooleanSupplier sampled) {
		this.slowNanos = slow.toNanos();
		this.sampled = sampled;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			long nanos = System.nanoTime() - start;
			// An exception leaving the chain becomes a 500 after this filter has run.
			int status = (failed && response.getStatus() < 400) ? 500 : response.getStatus();
			if (status >= 400 || nanos >= this.slowNanos || this.sampled.getAsBoolean()) {
				log.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, nanos / 1_000_000);
			}
			else {
				log.debug("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, nanos / 1_000_000);
			}
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator");
	}

}
