package io.authorworks.platform.web;

import io.authorworks.platform.core.ProblemType;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that happen outside Spring MVC (in filters or in the servlet container)
 * with the same problem documents, instead of Boot's default error body. It is no
 * operation of the API: hidden from the OpenAPI documents, and a request made to it
 * directly is answered as the unknown route it is.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (request.getDispatcherType() != DispatcherType.ERROR && code == null) {
			return ResponseEntity.status(404)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(Problems.of(ProblemType.NOT_FOUND, "There is nothing at this address.", request));
		}
		int status = (code instanceof Integer value) ? value : 500;
		if (status < 400) {
			status = 500;
		}
		ProblemType type = ProblemType.forStatus(status);
		String detail = type.title() + ".";
		if (status >= 500) {
			Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
			if (exception instanceof Throwable throwable) {
				log.error("Request failed outside Spring MVC", throwable);
			}
			detail = "The request failed on our side. Quote the request id if you contact support.";
		}
		ProblemDetail problem = Problems.of(type, detail, request);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
