package io.authorworks.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.authorworks.platform.test.OidcTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Premise to finished book in the all-in-one shape with the offline provider: the quote
 * first, then a durable job run by the content-worker, followed live over Server-Sent
 * Events through the gateway, ending in five persisted chapters that export.
 */
class GenerationThroughGatewayIT {

	private final RunningPlatform platform = RunningPlatform.get();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPremiseBecomesAFiveChapterBookWithLiveProgress() throws Exception {
		Accounts.Account author = Accounts.signUpAndVerify(this.platform, "gen");
		String token = Accounts.accessToken(this.platform, author);
		String address = Accounts.testNetAddress();

		String bookId = json(send(token, address, "POST", "/api/content/books", null,
				"{\"title\": \"The Lighthouse Keeper's Daughter\"}"))
			.get("id")
			.asString();
		String params = "{\"kind\": \"full-book\", \"params\": {\"premise\": \"Maren, a lighthouse keeper's daughter on "
				+ "a northern island, finds a drowned sailor who is not dead, and must hide him from the village "
				+ "elder Tobias before the winter ferry comes.\", \"chapters\": 5, \"structure\": \"three-act\"}}";

		HttpResponse<String> quote = send(token, address, "POST", "/api/content/books/" + bookId + "/generation/quote",
				null, params);
		assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
		assertThat(json(quote).get("total").get("inputTokens").asLong()).isPositive();

		HttpResponse<String> started = send(token, address, "POST", "/api/content/books/" + bookId + "/generation/jobs",
				UUID.randomUUID().toString(), params);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		String jobId = json(started).get("id").asString();

		List<String> events = new ArrayList<>();
		String lastEventId = null;
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		boolean finished = false;
		while (!finished && System.nanoTime() < deadline) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(this.platform.publicUrl() + "/api/content/generation/jobs/" + jobId + "/events"))
				.header("Authorization", "Bearer " + token)
				.header("X-Forwarded-For", address)
				.header("Accept", "text/event-stream");
			if (lastEventId != null) {
				request.header("Last-Event-ID", lastEventId);
			}
			HttpResponse<Stream<String>> stream = this.http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(stream.statusCode()).isEqualTo(200);
			String event = null;
			for (String line : (Iterable<String>) stream.body()::iterator) {
				if (line.startsWith("id:")) {
					String id = line.substring(3).trim();
					if (lastEventId != null) {
						assertThat(compareStreamIds(id, lastEventId)).as("event ids only grow").isPositive();
					}
					lastEventId = id;
				}
				else if (line.startsWith("event:")) {
					event = line.substring(6).trim();
					events.add(event);
				}
				if (line.isEmpty() && event != null
						&& (event.equals("completed") || event.equals("failed") || event.equals("cancelled"))) {
					finished = true;
					break;
				}
			}
			stream.body().close();
		}
		assertThat(events).as("events %s", events).contains("progress").endsWith("completed");

		JsonNode job = json(
				send(token, address, "GET", location.startsWith("/api") ? location : "/api" + location, null, null));
		assertThat(job.get("state").asString()).isEqualTo("succeeded");
		assertThat(job.get("progress").get("done").asInt()).isEqualTo(job.get("progress").get("total").asInt());

		JsonNode chapters = json(send(token, address, "GET", "/api/content/books/" + bookId + "/chapters", null, null));
		assertThat(chapters.get("items").size()).isEqualTo(5);
		for (JsonNode chapter : chapters.get("items")) {
			assertThat(chapter.get("wordCount").asInt()).as(chapter.toString()).isGreaterThan(100);
		}
		assertFirstSavesKeepTheWordCounts(token, address, bookId, chapters);

		HttpResponse<String> bible = send(token, address, "GET", "/api/content/books/" + bookId + "/bible", null, null);
		assertThat(bible.body()).contains("Maren");
		HttpResponse<byte[]> epub = this.http.send(HttpRequest
			.newBuilder(URI.create(this.platform.publicUrl() + "/api/content/books/" + bookId + "/export/epub"))
			.header("Authorization", "Bearer " + token)
			.header("X-Forwarded-For", address)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(epub.statusCode()).isEqualTo(200);
	}

	/**
	 * The author's first save of each generated chapter (the text with the newline an
	 * editor adds at the end) leaves every chapter's word count and the book's as the
	 * worker stored them: both sides count with the same counter.
	 */
	private void assertFirstSavesKeepTheWordCounts(String token, String address, String bookId, JsonNode chapters)
			throws Exception {
		String book = "/api/content/books/" + bookId;
		long bookWords = json(send(token, address, "GET", book, null, null)).get("wordCount").asLong();
		long sum = 0;
		for (JsonNode listed : chapters.get("items")) {
			String path = book + "/chapters/" + listed.get("id").asString();
			HttpResponse<String> read = send(token, address, "GET", path, null, null);
			JsonNode chapter = json(read);
			int generated = chapter.get("wordCount").asInt();
			HttpResponse<String> saved = this.http
				.send(HttpRequest.newBuilder(URI.create(this.platform.publicUrl() + path + "/content"))
					.header("Authorization", "Bearer " + token)
					.header("X-Forwarded-For", address)
					.header("Content-Type", "text/markdown")
					.header("If-Match", read.headers().firstValue("ETag").orElseThrow())
					.PUT(HttpRequest.BodyPublishers.ofString(chapter.get("content").asString() + "\n"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
			assertThat(json(saved).get("version").asLong()).as("the save stored a new version")
				.isGreaterThan(chapter.get("version").asLong());
			assertThat(json(saved).get("wordCount").asInt()).as("words of %s after its first save", path)
				.isEqualTo(generated);
			sum += generated;
		}
		assertThat(bookWords).as("the book's words are its chapters' words").isEqualTo(sum);
		assertThat(json(send(token, address, "GET", book, null, null)).get("wordCount").asLong())
			.as("the book's words after the first saves")
			.isEqualTo(bookWords);
	}

	private HttpResponse<String> send(String token, String address, String method, String path, String idempotencyKey,
			String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.platform.publicUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("X-Forwarded-For", address)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int compareStreamIds(String a, String b) {
		String[] x = a.split("-");
		String[] y = b.split("-");
		int major = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
		return (major != 0) ? major : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return OidcTestClient.json(response.body());
	}

}
