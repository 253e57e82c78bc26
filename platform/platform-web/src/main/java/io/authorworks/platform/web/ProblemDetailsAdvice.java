package io.authorworks.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.core.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that reaches Spring MVC into an RFC 9457 problem with a stable
 * type: bad input into {@code 400}/{@code 422} with the offending fields, expected domain
 * failures into their own types, and anything unexpected into a {@code 500} that reveals
 * nothing internal.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> problem(ProblemException ex, HttpServletRequest request) {
		ProblemDetail problem = Problems.of(ex.type(), ex.detail(), request);
		ex.properties().forEach(problem::setProperty);
		return respond(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		Class<?> required = ex.getRequiredType();
		String expected = (required != null) ? describe(required) : "a different value";
		ProblemDetail problem = Problems.of(ProblemType.BAD_REQUEST,
				"Parameter '" + ex.getName() + "' must be " + expected + ".", request);
		return respond(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		List<Violation> violations = ex.getConstraintViolations()
			.stream()
			.map((v) -> new Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return respond(validation(violations, request));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<Object> duplicate(DuplicateKeyException ex, HttpServletRequest request) {
		return respond(
				Problems.of(ProblemType.CONFLICT, "This conflicts with something that already exists.", request));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> staleWrite(OptimisticLockingFailureException ex, HttpServletRequest request) {
		return respond(Problems.of(ProblemType.PRECONDITION_FAILED,
				"Someone changed this since you read it; reload and try again.", request));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException ex, HttpServletRequest request) {
		return respond(Problems.of(ProblemType.FORBIDDEN, "You are not allowed to do this.", request));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> unauthenticated(AuthenticationException ex, HttpServletRequest request) {
		return respond(Problems.of(ProblemType.UNAUTHENTICATED, "Sign in, or send a valid bearer token.", request));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unhandled exception on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(Problems.of(ProblemType.INTERNAL,
				"The request failed on our side. Quote the request id if you contact support.", request));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Violation> violations = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			violations.add(new Violation(error.getField(), message(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> violations
				.add(new Violation(error.getObjectName(), message(error.getDefaultMessage()))));
		return respond(validation(violations, servletRequest(request)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Violation> violations = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> violations.add(new Violation(
						(result.getMethodParameter().getParameterName() != null)
								? result.getMethodParameter().getParameterName() : "parameter",
						message(error.getDefaultMessage())))));
		return respond(validation(violations, servletRequest(request)));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest servletRequest = servletRequest(request);
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof BodySizeLimitFilter.PayloadTooLargeException tooLarge) {
				return respond(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.detail(), servletRequest));
			}
			cause = cause.getCause();
		}
		return respond(Problems.of(ProblemType.MALFORMED_BODY, describeUnreadable(ex), servletRequest));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(statusCode);
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			ProblemType type = ProblemType.forStatus(statusCode.value());
			problem.setType(type.uri());
			problem.setTitle(type.title());
		}
		if (statusCode.is5xxServerError()) {
			log.error("Request failed with {}", statusCode, ex);
			problem.setDetail("The request failed on our side. Quote the request id if you contact support.");
		}
		Problems.decorate(problem, servletRequest(request));
		HttpHeaders responseHeaders = new HttpHeaders();
		responseHeaders.putAll(headers);
		responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(problem, responseHeaders, statusCode);
	}

	static ProblemDetail validation(List<Violation> violations, HttpServletRequest request) {
		String detail = (violations.size() == 1)
				? violations.getFirst().field() + ": " + violations.getFirst().message()
				: violations.size() + " fields are not valid.";
		ProblemDetail problem = Problems.of(ProblemType.VALIDATION, detail, request);
		problem.setProperty("violations",
				violations.stream().map((v) -> Map.of("field", v.field(), "message", v.message())).toList());
		return problem;
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String describeUnreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof StreamReadException) {
			return "The request body is not valid JSON.";
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference reference : jackson.getPath()) {
				if (reference.getPropertyName() != null) {
					if (!path.isEmpty()) {
						path.append('.');
					}
					path.append(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					path.append('[').append(reference.getIndex()).append(']');
				}
			}
			if (jackson instanceof UnrecognizedPropertyException) {
				return "Field '" + path + "' is not part of this request.";
			}
			return "Field '" + path + "' has a value of the wrong type or format.";
		}
		if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			return "The request needs a JSON body.";
		}
		return "The request body could not be read as the expected JSON.";
	}

	private static String describe(Class<?> type) {
		if (type == java.util.UUID.class) {
			return "a UUID";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.stream(type.getEnumConstants())
				.map((c) -> c.toString().toLowerCase(java.util.Locale.ROOT))
				.toList();
		}
		return "a valid " + type.getSimpleName();
	}

	private static String message(@Nullable String message) {
		return (message != null) ? message : "is not valid";
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return ((ServletWebRequest) request).getRequest();
	}

}
