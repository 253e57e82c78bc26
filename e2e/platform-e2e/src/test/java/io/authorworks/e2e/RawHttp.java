package io.authorworks.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, for requests that well-behaved clients refuse to send: a
 * request target with broken percent-encoding or raw reserved characters, header values
 * of any length, and bodies of arbitrary bytes. One request per connection.
 */
final class RawHttp {

	private final String host;

	private final int port;

	RawHttp(String baseUrl) {
		URI uri = URI.create(baseUrl);
		this.host = uri.getHost();
		this.port = uri.getPort();
	}

	Response send(String method, String target, Map<String, String> headers, byte @Nullable [] body) {
		try (Socket socket = new Socket(this.host, this.port)) {
			socket.setSoTimeout(30_000);
			StringBuilder head = new StringBuilder();
			head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
			head.append("Host: ").append(this.host).append(':').append(this.port).append("\r\n");
			head.append("Connection: close\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			else if (!method.equals("GET") && !method.equals("HEAD")) {
				head.append("Content-Length: 0\r\n");
			}
			head.append("\r\n");
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
				// refuses
				// (an oversize header, say); its answer may still be there to read.
			}
			return read(socket.getInputStream(), method.equals("HEAD"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + abbreviate(target) + " failed", ex);
		}
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
		byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
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

	static String abbreviate(String text) {
		return (text.length() > 160) ? text.substring(0, 160) + "…(" + text.length() + " chars)" : text;
	}

	record Response(int status, Map<String, String> headers, String body) {

		@Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
