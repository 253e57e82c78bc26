package io.authorworks.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.authorworks.platform.core.ProblemType;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Makes Tomcat itself answer with problem documents. Tomcat refuses some requests before
 * any filter or servlet sees them (a request line with {@code |} or {@code {}, a {@code
 * %2F} or {@code %00} in the path, headers or a request line longer than the limit) and
 * reports them through its host's {@link ErrorReportValve}, which writes an HTML page.
 * This replaces that valve, on every host of the server, with one that writes the same
 * RFC 9457 documents the application does.
 */
public final class ContainerProblems implements TomcatContextCustomizer {

	@Override
	public void customize(Context context) {
		// By the time the context starts, the host has its valves: Tomcat's default
		// one and the one Spring Boot configures; both are replaced.
		context.addLifecycleListener((event) -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				replaceErrorReportValves(context.getParent());
			}
		});
	}

	private static void replaceErrorReportValves(@Nullable Container host) {
		if (host == null) {
			return;
		}
		Pipeline pipeline = host.getPipeline();
		boolean present = false;
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ProblemReportValve) {
				present = true;
			}
			else if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		if (!present) {
			pipeline.addValve(new ProblemReportValve());
		}
	}

	/** Tomcat's error report, written as a problem document. */
	static final class ProblemReportValve extends ErrorReportValve {

		ProblemReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(true);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			ProblemType type = ProblemType.forStatus(status);
			String detail = (status >= 500)
					? "The request failed on our side. Quote the request id if you contact support."
					: "The request could not be read: its address or headers are malformed or too long.";
			ProblemDetail problem = Problems.of(type, detail, null);
			URI instance = instance(request);
			if (instance != null) {
				problem.setInstance(instance);
			}
			Object given = request.getAttribute(RequestIdFilter.ATTRIBUTE);
			String requestId = (given != null) ? given.toString() : UUID.randomUUID().toString();
			problem.setProperty("requestId", requestId);
			try {
				response.setHeader(RequestIdFilter.HEADER, requestId);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(Problems.json(problem));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone or the response is closed: nothing left to tell.
			}
		}

		/** The request's path, when Tomcat could read one that is a valid URI. */
		private static @Nullable URI instance(Request request) {
			String path = request.getRequestURI();
			if (path == null || path.isEmpty() || path.length() > 2048) {
				return null;
			}
			try {
				return new URI(path);
			}
			catch (java.net.URISyntaxException ex) {
				return null;
			}
		}

	}

}
