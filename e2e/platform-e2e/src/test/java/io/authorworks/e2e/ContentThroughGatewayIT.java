package io.authorworks.e2e;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.authorworks.platform.test.OidcTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author's day through the gateway only: a book with its bible and chapters,
 * reordering, editing with If-Match, revisions with diff and restore, publishing, reading
 * signed out, and exporting; another person learns nothing about the private book.
 */
class ContentThroughGatewayIT {

	private final RunningPlatform platform = RunningPlatform.get();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void writeReviseReorderPublishReadAndExportABook() throws Exception {
		Author author = signIn("rose");

		HttpResponse<String> created = author.send("POST", "/api/content/books", null,
				"{\"title\": \"The Salt Road\", \"description\": \"A caravan crosses the flats.\", \"genres\": [\"fantasy\"]}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).isPresent();
		String bookId = json(created).get("id").asString();
		String books = "/api/content/books/" + bookId;

		assertThat(author
			.send("POST", books + "/bible/characters", null,
					"{\"name\": \"Ida Maren\", \"aliases\": [\"Ida\"], \"role\": \"protagonist\"}")
			.statusCode()).isEqualTo(201);
		List<String> chapters = new ArrayList<>();
		for (String title : List.of("Dust", "Wells", "Salt")) {
			HttpResponse<String> chapter = author.send("POST", books + "/chapters", null,
					"{\"title\": \"" + title + "\", \"content\": \"Ida walked the " + title.toLowerCase()
							+ " road at dawn.\", \"status\": \"final\"}");
			assertThat(chapter.statusCode()).as(chapter.body()).isEqualTo(201);
			chapters.add(json(chapter).get("id").asString());
		}

		HttpResponse<String> reordered = author.send("POST", books + "/chapters/reorder", null, "{\"chapterIds\": [\""
				+ chapters.get(2) + "\", \"" + chapters.get(0) + "\", \"" + chapters.get(1) + "\"]}");
		assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(200);
		JsonNode list = json(author.send("GET", books + "/chapters", null, null));
		assertThat(list.get("items").get(0).get("title").asString()).isEqualTo("Salt");

		String chapter = books + "/chapters/" + chapters.get(0);
		HttpResponse<String> current = author.send("GET", chapter, null, null);
		String etag = current.headers().firstValue("ETag").orElseThrow();
		assertThat(current.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(value) -> assertThat(value).contains("private").contains("no-cache").doesNotContain("no-store"));
		// An editor's re-read of an unchanged chapter is answered 304, through the
		// gateway.
		HttpResponse<String> unchanged = ContentThroughGatewayIT.this.http.send(
				author.base(chapter).header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unchanged.statusCode()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		HttpResponse<String> saved = author.send("PUT", chapter + "/content", etag,
				"{\"content\": \"Ida walked the dust road at dawn, counting the wells.\"}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		HttpResponse<String> stale = author.send("PUT", chapter + "/content", etag, "{\"content\": \"lost\"}");
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(author.send("PUT", chapter + "/content", null, "{\"content\": \"lost\"}").statusCode())
			.isEqualTo(428);

		JsonNode revisions = json(author.send("GET", chapter + "/revisions", null, null));
		assertThat(revisions.get("items").size()).isGreaterThanOrEqualTo(2);
		HttpResponse<String> diff = author.send("GET", chapter + "/diff?from=1&to=current", null, null);
		assertThat(diff.statusCode()).isEqualTo(200);
		assertThat(diff.body()).contains("counting the wells");
		HttpResponse<String> restored = author.send("POST", chapter + "/revisions/1/restore", null, null);
		assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
		assertThat(json(author.send("GET", chapter, null, null)).get("content").asString())
			.isEqualTo("Ida walked the dust road at dawn.");

		Author stranger = signIn("sly");
		assertThat(stranger.send("GET", books, null, null).statusCode()).as("private books stay unknown")
			.isEqualTo(404);
		assertThat(stranger.send("GET", books + "/export/epub", null, null).statusCode()).isEqualTo(404);
		assertThat(stranger.send("PUT", chapter + "/content", "*", "{\"content\": \"vandal\"}").statusCode())
			.isEqualTo(404);

		HttpResponse<String> published = author.send("POST", books + "/publish", null, "{\"visibility\": \"public\"}");
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		HttpResponse<String> readSignedOut = this.http.send(HttpRequest
			.newBuilder(URI.create(this.platform.publicUrl() + "/api/content/public/books/" + bookId + "/chapters/1"))
			.header("X-Forwarded-For", Accounts.testNetAddress())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(readSignedOut.statusCode()).as(readSignedOut.body()).isEqualTo(200);
		assertThat(readSignedOut.body()).contains("Salt");

		HttpResponse<byte[]> epub = author.bytes(books + "/export/epub");
		assertThat(epub.statusCode()).isEqualTo(200);
		assertThat(firstEntry(epub.body())).isEqualTo("mimetype");
		HttpResponse<byte[]> pdf = author.bytes(books + "/export/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	private Author signIn(String name) throws Exception {
		Accounts.Account account = Accounts.signUpAndVerify(this.platform, name);
		String address = Accounts.testNetAddress();
		String token = Accounts.accessToken(this.platform, account);
		return new Author(token, address);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return OidcTestClient.json(response.body());
	}

	private static String firstEntry(byte[] zip) throws Exception {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry = in.getNextEntry();
			return (entry != null) ? entry.getName() : "";
		}
	}

	private final class Author {

		private final String token;

		private final String address;

		Author(String token, String address) {
			this.token = token;
			this.address = address;
		}

		HttpResponse<String> send(String method, String path, String ifMatch, String body) throws Exception {
			HttpRequest.Builder request = base(path);
			if (ifMatch != null) {
				request.header("If-Match", ifMatch);
			}
			request.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", "application/json");
			}
			return ContentThroughGatewayIT.this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<byte[]> bytes(String path) throws Exception {
			return ContentThroughGatewayIT.this.http.send(base(path).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}

		private HttpRequest.Builder base(String path) {
			return HttpRequest.newBuilder(URI.create(ContentThroughGatewayIT.this.platform.publicUrl() + path))
				.header("Authorization", "Bearer " + this.token)
				.header("X-Forwarded-For", this.address);
		}

	}

}
