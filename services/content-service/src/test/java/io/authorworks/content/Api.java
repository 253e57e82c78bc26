package io.authorworks.content;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the service under test, as an API client would use it: real
 * requests to the random port, bearer tokens, JSON in and out.
 */
final class Api {

	static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final @Nullable String token;

	private final Map<String, String> headers;

	private final Duration timeout;

	Api(String base, @Nullable String token) {
		this(base, token, Map.of(), Duration.ofSeconds(30));
	}

	private Api(String base, @Nullable String token, Map<String, String> headers, Duration timeout) {
		this.base = base;
		this.token = token;
		this.headers = headers;
		this.timeout = timeout;
	}

	/** The same client, sending an extra header on every request. */
	Api with(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new Api(this.base, this.token, more, this.timeout);
	}

	/** The same client, giving up on a response after {@code timeout}. */
	Api timeout(Duration timeout) {
		return new Api(this.base, this.token, this.headers, timeout);
	}

	Response get(String path) {
		return send("GET", path, null, null);
	}

	Response delete(String path) {
		return send("DELETE", path, null, null);
	}

	Response post(String path, @Nullable Object body) {
		return send("POST", path, (body != null) ? JSON.writeValueAsString(body) : null, "application/json");
	}

	Response patch(String path, Object body) {
		return send("PATCH", path, JSON.writeValueAsString(body), "application/json");
	}

	Response put(String path, @Nullable Object body) {
		return send("PUT", path, (body != null) ? JSON.writeValueAsString(body) : null, "application/json");
	}

	Response send(String method, String path, @Nullable String body, @Nullable String contentType) {
		return sendBytes(method, path, (body != null) ? body.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null,
				contentType);
	}

	/** Sends the body exactly as these bytes, for tests where the encoding matters. */
	Response sendBytes(String method, String path, byte @Nullable [] body, @Nullable String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(this.timeout)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		if (contentType != null && body != null) {
			request.header("Content-Type", contentType);
		}
		this.headers.forEach(request::header);
		// The request timeout only covers the wait for the headers; bounding the whole
		// exchange also fails a test whose body never ends (an event stream that should).
		java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> exchange = this.http.sendAsync(request.build(),
				HttpResponse.BodyHandlers.ofByteArray());
		try {
			HttpResponse<byte[]> response = exchange.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return new Response(response.statusCode(), response, response.body());
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			throw new AssertionError("No complete answer to " + method + " " + path + " within " + this.timeout, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof java.io.IOException io) {
				throw new java.io.UncheckedIOException(io);
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response with its body as JSON when it is JSON. */
	record Response(int status, HttpResponse<byte[]> raw, byte[] bytes) {

		JsonNode json() {
			return JSON.readTree(this.bytes);
		}

		String text() {
			return new String(this.bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

		Optional<String> header(String name) {
			return this.raw.headers().firstValue(name);
		}

		String etag() {
			return header("ETag").orElseThrow(() -> new AssertionError("no ETag on " + this.status + " " + text()));
		}

		String contentType() {
			return header("Content-Type").orElse("");
		}

		@Override
		public String toString() {
			return this.status + " " + text();
		}

	}

}
