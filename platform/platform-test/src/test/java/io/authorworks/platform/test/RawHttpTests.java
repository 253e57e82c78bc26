package io.authorworks.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The raw client against a one-connection server on a plain socket that sends exactly the
 * bytes each test chooses and records exactly what it received.
 */
class RawHttpTests {

	private @Nullable ServerSocket server;

	private int port;

	private CompletableFuture<String> lastRequest = new CompletableFuture<>();

	@AfterEach
	void stop() throws IOException {
		ServerSocket running = this.server;
		if (running != null) {
			running.close();
		}
	}

	@Test
	void sendsTheTargetAndHeadersExactlyAsGiven() throws Exception {
		RawHttp http = answering("HTTP/1.1 204 No Content\r\n\r\n", false);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Idempotency-Key", "k".repeat(10_000));
		headers.put("X-Odd", "a\u00e9b");

		RawHttp.Response response = http.send("GET", "/things/a%zz|b?q=%&x=[y]", headers);

		assertThat(response.status()).isEqualTo(204);
		assertThat(request()).isEqualTo("GET /things/a%zz|b?q=%&x=[y] HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nConnection: close\r\nIdempotency-Key: " + "k".repeat(10_000) + "\r\nX-Odd: a\u00e9b\r\n\r\n");
	}

	@Test
	void sendsABodyWithItsLengthAndAnEmptyOneForCommandsWithout() throws Exception {
		RawHttp http = answering("HTTP/1.1 204 No Content\r\n\r\n", false);
		http.send("PUT", "/things/1", Map.of(), new byte[] { 'a', (byte) 0xff, 'b' });
		assertThat(request()).endsWith("Content-Length: 3\r\n\r\na\u00ffb");

		http = answering("HTTP/1.1 204 No Content\r\n\r\n", false);
		http.send("POST", "/things", Map.of());
		assertThat(request()).endsWith("Connection: close\r\nContent-Length: 0\r\n\r\n");
	}

	@Test
	void aContentLengthTheCallerGivesIsTheOnlyOne() throws Exception {
		RawHttp http = answering("HTTP/1.1 204 No Content\r\n\r\n", false);
		http.send("POST", "/things", Map.of("content-length", "0"));
		assertThat(request()).endsWith("Connection: close\r\ncontent-length: 0\r\n\r\n")
			.containsOnlyOnce("ontent-")
			.doesNotContain("Content-Length");
	}

	@Test
	void readsAChunkedAnswerWithHeadersByTheirLowerCaseName() throws Exception {
		RawHttp http = answering("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n"
				+ "Transfer-Encoding: chunked\r\nVary: Origin\r\nvary: Accept\r\n\r\n"
				+ "5;name=value\r\n{\"a\":\r\n8\r\n\"\u00c3\u00a9t\u00c3\u00a9\"}\r\n0\r\n\r\n", false);

		RawHttp.Response response = http.send("GET", "/", Map.of());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.header("VARY")).isEqualTo("Origin, Accept");
		assertThat(response.body()).isEqualTo("{\"a\":\"\u00e9t\u00e9\"}");
	}

	@Test
	void aHeadRequestHasNoLengthAndItsAnswerNoBody() throws Exception {
		RawHttp http = answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", false);

		RawHttp.Response response = http.send("HEAD", "/", Map.of());

		assertThat(request()).endsWith("Connection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void keepsAnAnswerThatWasFollowedByAReset() throws Exception {
		RawHttp http = answering("HTTP/1.1 400 Bad Request\r\nContent-Length: 10\r\n\r\nrefused it", true);

		RawHttp.Response response = http.send("GET", "/", Map.of());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("refused it");
	}

	@Test
	void aResetBeforeAnyAnswerIsAnError() throws Exception {
		RawHttp http = answering("", true);

		assertThatThrownBy(() -> http.send("GET", "/broken", Map.of())).isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining("GET /broken");
	}

	@Test
	void aTruncatedAnswerIsAnError() throws Exception {
		RawHttp http = answering("HTTP/1.1 200 OK\r\nContent-Le", false);

		assertThatThrownBy(() -> http.send("GET", "/", Map.of())).isInstanceOf(UncheckedIOException.class)
			.hasStackTraceContaining("no complete response");
	}

	@Test
	void abbreviatesOnlyLongText() {
		assertThat(RawHttp.abbreviate("short")).isEqualTo("short");
		assertThat(RawHttp.abbreviate("x".repeat(1000))).isEqualTo("x".repeat(160) + "…(1000 chars)");
	}

	/**
	 * A server for one connection: it reads the request (head, and as many body bytes as
	 * its Content-Length says), sends {@code answer} as ISO-8859-1 bytes and closes, with
	 * a reset instead of an orderly close when {@code reset}.
	 */
	private RawHttp answering(String answer, boolean reset) throws IOException {
		stop();
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		ServerSocket listening = this.server;
		CompletableFuture<String> request = new CompletableFuture<>();
		Thread.ofVirtual().start(() -> {
			try (Socket socket = listening.accept()) {
				request.complete(readRequest(socket.getInputStream()));
				socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
				socket.getOutputStream().flush();
				if (reset) {
					socket.setSoLinger(true, 0);
				}
			}
			catch (IOException ex) {
				request.completeExceptionally(ex);
			}
		});
		this.lastRequest = request;
		this.port = listening.getLocalPort();
		return new RawHttp("http://127.0.0.1:" + this.port);
	}

	private String request() throws Exception {
		return this.lastRequest.get(10, TimeUnit.SECONDS);
	}

	private static String readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int last4 = 0;
		while (last4 != 0x0d0a0d0a) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			bytes.write(b);
			last4 = (last4 << 8) | b;
		}
		String head = bytes.toString(StandardCharsets.ISO_8859_1);
		for (String line : head.split("\r\n")) {
			if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
				bytes.write(in.readNBytes(Integer.parseInt(line.substring(15).trim())));
			}
		}
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

}
