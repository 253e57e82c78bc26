package io.authorworks.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import io.authorworks.platform.core.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem documents the same way everywhere, whether a controller, a
 * filter or the container reports the failure.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/**
	 * A problem of the given type, with the request's path as {@code instance} and its
	 * request id.
	 */
	public static ProblemDetail of(ProblemType type, String detail, @Nullable HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		if (request != null) {
			decorate(problem, request);
		}
		return problem;
	}

	/** Adds {@code instance} and {@code requestId} when they are missing. */
	public static void decorate(ProblemDetail problem, HttpServletRequest request) {
		if (problem.getInstance() == null) {
			problem.setInstance(instanceOf(request));
		}
		Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
		if (requestId != null
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("requestId"))) {
			problem.setProperty("requestId", requestId.toString());
		}
	}

	/**
	 * Writes a problem straight to the response, for code that runs outside Spring MVC.
	 */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), asMap(problem));
	}

	/** The problem as its JSON document. */
	public static String json(ProblemDetail problem) {
		return JSON.writeValueAsString(asMap(problem));
	}

	static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		URI type = problem.getType();
		// RFC 9457: a problem without a type is "about:blank".
		body.put("type", (type != null) ? type.toString() : "about:blank");
		if (problem.getTitle() != null) {
			body.put("title", problem.getTitle());
		}
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

	private static URI instanceOf(HttpServletRequest request) {
		Object original = request.getAttribute("jakarta.servlet.error.request_uri");
		String path = (original != null) ? original.toString() : request.getRequestURI();
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return URI.create("about:blank");
		}
	}

}
