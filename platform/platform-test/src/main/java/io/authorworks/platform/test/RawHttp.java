package io.authorworks.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, for requests that well-behaved clients refuse to send: a
 * request target with broken percent-encoding or raw reserved characters, header values
 * of any length, and bodies of arbitrary bytes. Tests of what a server refuses need it,
 * because {@code java.net.http} cleans such requests up or will not send them at all. One
 * request per connection.
 */
public final class RawHttp {

	private final String host;

	private final int port;

	/**
	 * A client for the server at {@code baseUrl}; only its host and port are used.
	 */
	public RawHttp(String baseUrl) {
		URI uri = URI.create(baseUrl);
		this.host = uri.getHost();
		this.port = uri.getPort();
	}

	/**
	 * Sends the request with the target exactly as given, adds {@code Host},
	 * {@code Connection: close} and, unless {@code headers} has one, a
	 * {@code Content-Length}, and answers the whole response. A server that answers and
	 * resets the connection before reading all of the request (Tomcat does, on an
	 * oversize header) still has its answer read.
	 * @throws UncheckedIOException when no complete answer arrived
	 */
	public Response send(String method, String target, Map<String, String> headers, byte @Nullable [] body) {
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(this.host).append(':').append(this.port).append("\r\n");
		head.append("Connection: close\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		boolean lengthGiven = headers.keySet().stream().anyMatch("Content-Length"::equalsIgnoreCase);
		if (!lengthGiven && body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		else if (!lengthGiven && !method.equals("GET") && !method.equals("HEAD")) {
			head.append("Content-Length: 0\r\n");
		}
		head.append("\r\n");
		try (Socket socket = new Socket(this.host, this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (SocketException ex) {
				// A server may answer and close before reading all of a request it
				// refuses (an oversize header, say); its answer may still be there to
				// read.
			}
			return read(socket.getInputStream(), method.equals("HEAD"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + abbreviate(target) + " failed", ex);
		}
	}

	/** {@link #send(String, String, Map, byte[]) Sends} a request without a body. */
	public Response send(String method, String target, Map<String, String> headers) {
		return send(method, target, headers, null);
	}

	private static Response read(InputStream in, boolean head) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) >= 0;) {
				received.write(buffer, 0, n);
			}
		}
		catch (SocketException ex) {
			// Reset after the answer: keep what arrived.
			if (received.size() == 0) {
				throw ex;
			}
		}
		byte[] all = received.toByteArray();
		String text = new String(all, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IOException("no complete response: " + abbreviate(text));
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
		}
		byte[] rest = Arrays.copyOfRange(all, end + 4, all.length);
		if (!head && "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			rest = dechunk(rest);
		}
		return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = at;
			while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
				lineEnd++;
			}
			String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
			if (size == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

	/** The text, cut to its first 160 characters, for messages about huge values. */
	public static String abbreviate(String text) {
		return (text.length() > 160) ? text.substring(0, 160) + "…(" + text.length() + " chars)" : text;
	}

	/**
	 * An answer: header names in lower case, repeated headers joined with a comma, and
	 * the body with any chunked transfer coding removed, as UTF-8 text.
	 */
	public record Response(int status, Map<String, String> headers, String body) {

		/** The header's value, whatever the case of {@code name}; null when absent. */
		public @Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
