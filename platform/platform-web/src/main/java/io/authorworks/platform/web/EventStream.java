package io.authorworks.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A server-sent event stream written straight to the response, for handlers that follow
 * something live and resume with {@code Last-Event-ID}: the headers that keep proxies
 * (nginx) from buffering or caching it, the event framing with multi-line data, and
 * comment keep-alives that show both sides the connection is still there. What the events
 * are, and when the stream ends, stays with the handler.
 */
public final class EventStream {

	/** The request header a reconnecting client names the last event it got with. */
	public static final String LAST_EVENT_ID = "Last-Event-ID";

	private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.UTF_8);

	private final OutputStream out;

	private EventStream(OutputStream out) {
		this.out = out;
	}

	/**
	 * Starts the stream: {@code 200}, {@code text/event-stream} in UTF-8, never cached or
	 * buffered, and the headers sent at once so the client knows it is connected.
	 */
	public static EventStream open(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		response.setHeader("X-Accel-Buffering", "no");
		OutputStream out = response.getOutputStream();
		out.flush();
		return new EventStream(out);
	}

	/**
	 * Where a stream resumes: after the {@code Last-Event-ID} the client sent, or at
	 * {@code start} when it sent none. An id this stream could not have sent is a
	 * {@code 400}, naming {@code example} so the client sees what one looks like.
	 */
	public static String resumeAfter(@Nullable String lastEventId, Pattern ids, String start, String example) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return start;
		}
		String id = lastEventId.strip();
		if (!ids.matcher(id).matches()) {
			throw new ProblemException(ProblemType.BAD_REQUEST,
					LAST_EVENT_ID + " must be an id this stream sent, such as " + example + ".");
		}
		return id;
	}

	/**
	 * Writes one event; {@link #flush()} sends it (and any written before it). Each line
	 * of {@code data} becomes its own {@code data:} field, as the format requires.
	 */
	public void send(String id, String event, String data) throws IOException {
		StringBuilder text = new StringBuilder("id: ").append(id).append("\nevent: ").append(event).append('\n');
		for (String line : data.split("\n", -1)) {
			text.append("data: ").append(line).append('\n');
		}
		this.out.write(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
	}

	/** Sends a comment, which clients ignore, and fails once the client has gone. */
	public void keepAlive() throws IOException {
		this.out.write(KEEP_ALIVE);
		this.out.flush();
	}

	public void flush() throws IOException {
		this.out.flush();
	}

}
