package io.authorworks.worker.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The content API as a signed-in client calls it.
 */
final class ContentApi {

	static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String token;

	ContentApi(String base, String token) {
		this.base = base;
		this.token = token;
	}

	String base() {
		return this.base;
	}

	String token() {
		return this.token;
	}

	Response get(String path) {
		return send("GET", path, null, Map.of());
	}

	Response post(String path, @Nullable Object body, Map<String, String> headers) {
		return send("POST", path, body, headers);
	}

	Response put(String path, @Nullable Object body) {
		return send("PUT", path, body, Map.of());
	}

	Response patch(String path, Object body, Map<String, String> headers) {
		return send("PATCH", path, body, headers);
	}

	/** Creates a book with this title; answers its id. */
	String newBook(String title) {
		Response created = post("/content/books", Map.of("title", title), Map.of());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/**
	 * Starts a generation job in the book (with a fresh idempotency key); answers its id.
	 */
	String startJob(String book, Map<String, Object> request) {
		Response started = post("/content/books/" + book + "/generation/jobs", request,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return started.json().get("id").asString();
	}

	/** Waits until the job is neither queued nor running, and answers it. */
	JsonNode awaitJobEnd(String job) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			String state = get("/content/generation/jobs/" + job).json().get("state").asString();
			return !state.equals("queued") && !state.equals("running");
		});
		return get("/content/generation/jobs/" + job).json();
	}

	private Response send(String method, String path, @Nullable Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + this.token)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response.
	 *
	 * @param status the status
	 * @param body the body
	 * @param raw the whole response
	 */
	record Response(int status, String body, HttpResponse<String> raw) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
