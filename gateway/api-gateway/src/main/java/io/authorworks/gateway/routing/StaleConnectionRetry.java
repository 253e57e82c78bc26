package io.authorworks.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.Set;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Sends a read again, once, when the connection it went out on turns out to have been
 * closed by the service: a redeployed or restarted replica closes every connection the
 * gateway keeps to it, and the first request on each gets no answer. Only safe methods
 * are repeated (GET, HEAD, OPTIONS); a write could have been applied before the service
 * went, so its caller gets the {@code 503} and decides. A call the gateway gave up on is
 * not repeated either. Answers are never retried: a {@code 429} or {@code 503} from a
 * service goes to the caller as it is.
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

	@Override
	public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
		// An interrupted thread is a call the gateway gave up on (the service's timeout):
		// its socket was closed on our side, and the read must not go out again.
		return execCount <= 1 && SAFE.contains(request.getMethod()) && closedByPeer(exception)
				&& !Thread.currentThread().isInterrupted();
	}

	private static boolean closedByPeer(IOException exception) {
		// A refused connection is a service that is down, not a stale connection.
		return exception instanceof NoHttpResponseException
				|| (exception instanceof SocketException && !(exception instanceof ConnectException));
	}

	@Override
	public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
		return false;
	}

	@Override
	public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
		return TimeValue.ZERO_MILLISECONDS;
	}

}
