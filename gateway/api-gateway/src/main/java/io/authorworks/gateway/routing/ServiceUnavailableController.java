package io.authorworks.gateway.routing;

import java.net.URI;

import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.BodySizeLimitFilter.PayloadTooLargeException;
import io.authorworks.platform.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers for a service that is down, too slow, or cut off by its circuit breaker: a
 * {@code 503} problem that names no internal host, never an error page.
 */
@RestController
class ServiceUnavailableController {

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableController.class);

	@RequestMapping(RouteConfiguration.FALLBACK_PATH + "{service}")
	ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.FORWARD) {
			return respond(Problems.of(ProblemType.NOT_FOUND, "There is nothing here.", request));
		}
		Object failure = request.getAttribute(MvcUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		Object path = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
		ProblemDetail problem;
		if (failure instanceof Throwable throwable && causedByTooLargeBody(throwable)) {
			problem = Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large.", null);
		}
		else {
			log.warn("The {} service did not answer {} {}: {}", service, request.getMethod(), path,
					(failure instanceof Throwable throwable) ? describe(throwable) : "unknown failure");
			problem = Problems.of(ProblemType.UNAVAILABLE,
					"This part of AuthorWorks is not answering right now. Try again in a moment.", null);
		}
		if (path != null) {
			problem.setInstance(URI.create(path.toString()));
		}
		Problems.decorate(problem, request);
		if (problem.getStatus() == ProblemType.UNAVAILABLE.status()) {
			return ResponseEntity.status(problem.getStatus())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(RouteConfiguration.RETRY_AFTER.toSeconds()))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return respond(problem);
	}

	private static boolean causedByTooLargeBody(Throwable throwable) {
		for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable throwable) {
		Throwable root = throwable;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? " " + root.getMessage() : "");
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
