package io.authorworks.content;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.platform.test.ApiContract;
import io.authorworks.platform.test.OpenApiSnapshot;
import io.authorworks.platform.test.ApiContract.Exchange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content-service's OpenAPI document against the service: every documented operation
 * is called as the document describes it and with a request it must refuse, and every
 * request and answer is checked against the document (issue #11, item 5).
 */
class ApiContractIntegrationTests extends ContentIntegrationTest {

	@Test
	void everyDocumentedOperationAnswersAsDocumented() {
		ApiContract api = ApiContract.of(base());
		UUID adaId = users.register(UUID.randomUUID());
		String ada = issuer.userToken(adaId, "ada", List.of("reader", "author"));
		UUID bobId = users.register(UUID.randomUUID());
		String bob = issuer.userToken(bobId, "bob", List.of("reader", "author"));
		String admin = issuer.userToken(users.register(UUID.randomUUID()), "root", List.of("reader", "admin"));
		String service = issuer.serviceToken("content-contract", List.of("content.read"));

		// Books
		Exchange created = api.call("POST /content/books")
			.bearer(ada)
			.json(Map.of("title", "The Engine", "genres", List.of("sci-fi"), "language", "en"))
			.send();
		assertThat(created.status()).isEqualTo(201);
		String book = created.json().get("id").asString();
		api.call("POST /content/books").bearer(ada).json("{\"title\": ").wrong().send();
		api.call("GET /content/books").bearer(ada).query("limit", 5).query("sort", "-updatedAt").send();
		api.call("GET /content/books").bearer(ada).query("limit", "many").wrong().send();
		api.call("GET /content/books/{bookId}").bearer(ada).path("bookId", book).send();
		api.call("GET /content/books/{bookId}").bearer(bob).path("bookId", book).wrong().send();
		api.call("PATCH /content/books/{bookId}")
			.bearer(ada)
			.path("bookId", book)
			.header("If-Match", "\"1\"")
			.json(Map.of("subtitle", "A Novel"))
			.send();
		api.call("PATCH /content/books/{bookId}")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("subtitle", "No If-Match"))
			.wrong()
			.send();

		// Chapters
		Exchange first = api.call("POST /content/books/{bookId}/chapters")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("title", "One", "content", "It began."))
			.send();
		assertThat(first.status()).isEqualTo(201);
		String chapter = first.json().get("id").asString();
		String second = api.call("POST /content/books/{bookId}/chapters")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("title", "Two", "content", "It went on.", "status", "final"))
			.send()
			.json()
			.get("id")
			.asString();
		api.call("POST /content/books/{bookId}/chapters")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("title", " "))
			.wrong()
			.send();
		api.call("GET /content/books/{bookId}/chapters").bearer(ada).path("bookId", book).send();
		api.call("GET /content/books/{bookId}/chapters").bearer(bob).path("bookId", book).wrong().send();
		Exchange one = api.call("GET /content/books/{bookId}/chapters/{chapterId}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.send();
		api.call("GET /content/books/{bookId}/chapters/{chapterId}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", UUID.randomUUID())
			.wrong()
			.send();
		Exchange saved = api.call("PUT /content/books/{bookId}/chapters/{chapterId}/content")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.header("If-Match", one.header("ETag").orElseThrow())
			.json(Map.of("content", "It began, again."))
			.send();
		api.call("PUT /content/books/{bookId}/chapters/{chapterId}/content")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.header("If-Match", "\"1\"")
			.json(Map.of("content", "Stale."))
			.wrong()
			.send();
		Exchange renamed = api.call("PATCH /content/books/{bookId}/chapters/{chapterId}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.header("If-Match", saved.header("ETag").orElseThrow())
			.json(Map.of("title", "One, Renamed", "status", "final"))
			.send();
		api.call("PATCH /content/books/{bookId}/chapters/{chapterId}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.header("If-Match", renamed.header("ETag").orElseThrow())
			.json(Map.of("status", "shiny"))
			.wrong()
			.send();
		api.call("POST /content/books/{bookId}/chapters/reorder")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("chapterIds", List.of(second, chapter)))
			.send();
		api.call("POST /content/books/{bookId}/chapters/reorder")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("chapterIds", List.of(second)))
			.wrong()
			.send();
		api.call("POST /content/books/{bookId}/chapters/{chapterId}/move")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.json(Map.of("position", 1))
			.send();
		api.call("POST /content/books/{bookId}/chapters/{chapterId}/move")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.json(Map.of("position", 99))
			.wrong()
			.send();

		// Revisions and provenance
		api.call("GET /content/books/{bookId}/chapters/{chapterId}/revisions")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.send();
		api.call("GET /content/books/{bookId}/chapters/{chapterId}/revisions")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.query("cursor", "not-ours")
			.wrong()
			.send();
		api.call("GET /content/books/{bookId}/chapters/{chapterId}/revisions/{number}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.path("number", 1)
			.send();
		api.call("GET /content/books/{bookId}/chapters/{chapterId}/revisions/{number}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.path("number", 999)
			.wrong()
			.send();
		api.call("GET /content/books/{bookId}/chapters/{chapterId}/diff")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.query("from", 1)
			.send();
		api.call("GET /content/books/{bookId}/chapters/{chapterId}/diff")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.wrong()
			.send();
		Exchange now = api.call("GET /content/books/{bookId}/chapters/{chapterId}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.send();
		api.call("POST /content/books/{bookId}/chapters/{chapterId}/revisions/{number}/restore")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.path("number", 1)
			.header("If-Match", now.header("ETag").orElseThrow())
			.send();
		api.call("POST /content/books/{bookId}/chapters/{chapterId}/revisions/{number}/restore")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.path("number", 999)
			.header("If-Match", "\"1\"")
			.wrong()
			.send();
		api.call("GET /content/books/{bookId}/chapters/{chapterId}/provenance")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", chapter)
			.send();
		api.call("GET /content/books/{bookId}/chapters/{chapterId}/provenance")
			.bearer(bob)
			.path("bookId", book)
			.path("chapterId", chapter)
			.wrong()
			.send();

		// Import and export
		api.call("POST /content/books/{bookId}/import")
			.bearer(ada)
			.path("bookId", book)
			.body("text/markdown", "# Three\n\nAnd then.\n")
			.send();
		api.call("POST /content/books/{bookId}/import")
			.bearer(ada)
			.path("bookId", book)
			.body("application/json", "{}")
			.wrong()
			.send();
		for (String format : List.of("markdown", "epub", "pdf")) {
			api.call("GET /content/books/{bookId}/export/{format}")
				.bearer(ada)
				.path("bookId", book)
				.path("format", format)
				.send();
		}
		api.call("GET /content/books/{bookId}/export/{format}")
			.bearer(ada)
			.path("bookId", book)
			.path("format", "docx")
			.wrong()
			.send();

		// Members
		api.call("GET /content/books/{bookId}/access").bearer(ada).path("bookId", book).send();
		api.call("GET /content/books/{bookId}/access").bearer(bob).path("bookId", book).wrong().send();
		api.call("POST /content/books/{bookId}/members")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("userId", bobId, "role", "editor"))
			.send();
		api.call("POST /content/books/{bookId}/members")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("userId", bobId, "role", "emperor"))
			.wrong()
			.send();
		api.call("GET /content/books/{bookId}/members").bearer(ada).path("bookId", book).send();
		api.call("GET /content/books/{bookId}/members")
			.bearer(ada)
			.path("bookId", book)
			.query("limit", 0)
			.wrong()
			.send();
		api.call("GET /content/books/{bookId}/members/{userId}")
			.bearer(ada)
			.path("bookId", book)
			.path("userId", bobId)
			.send();
		api.call("GET /content/books/{bookId}/members/{userId}")
			.bearer(ada)
			.path("bookId", book)
			.path("userId", UUID.randomUUID())
			.wrong()
			.send();
		api.call("PATCH /content/books/{bookId}/members/{userId}")
			.bearer(ada)
			.path("bookId", book)
			.path("userId", bobId)
			.json(Map.of("role", "co-author"))
			.send();
		api.call("PATCH /content/books/{bookId}/members/{userId}")
			.bearer(bob)
			.path("bookId", book)
			.path("userId", adaId)
			.json(Map.of("role", "reader"))
			.wrong()
			.send();
		api.call("GET /internal/books/{bookId}/members/{userId}")
			.bearer(service)
			.path("bookId", book)
			.path("userId", bobId)
			.send();
		api.call("GET /internal/books/{bookId}/members/{userId}")
			.bearer(ada)
			.path("bookId", book)
			.path("userId", bobId)
			.wrong()
			.send();
		api.call("DELETE /content/books/{bookId}/members/{userId}")
			.bearer(ada)
			.path("bookId", book)
			.path("userId", bobId)
			.send();
		api.call("DELETE /content/books/{bookId}/members/{userId}")
			.bearer(ada)
			.path("bookId", book)
			.path("userId", bobId)
			.wrong()
			.send();

		// Story bible, for a book and for a series
		api.call("GET /content/{scope}/{ownerId}/bible")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.send();
		api.call("GET /content/{scope}/{ownerId}/bible")
			.bearer(ada)
			.path("scope", "shelves")
			.path("ownerId", book)
			.wrong()
			.send();
		api.call("PATCH /content/{scope}/{ownerId}/bible")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.header("If-Match", "\"0\"")
			.json(Map.of("premise", "An engine that dreams."))
			.send();
		api.call("PATCH /content/{scope}/{ownerId}/bible")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.header("If-Match", "\"0\"")
			.json(Map.of("premise", "Stale."))
			.wrong()
			.send();
		Exchange ida = api.call("POST /content/{scope}/{ownerId}/bible/{collection}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.json(Map.of("name", "Ida", "role", "engineer"))
			.send();
		assertThat(ida.status()).isEqualTo(201);
		String idaId = ida.json().get("id").asString();
		String max = api.call("POST /content/{scope}/{ownerId}/bible/{collection}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.json(Map.of("name", "Max"))
			.send()
			.json()
			.get("id")
			.asString();
		api.call("POST /content/{scope}/{ownerId}/bible/{collection}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.json(Map.of("name", "ida"))
			.wrong()
			.send();
		api.call("GET /content/{scope}/{ownerId}/bible/{collection}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.send();
		api.call("GET /content/{scope}/{ownerId}/bible/{collection}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "spaceships")
			.wrong()
			.send();
		Exchange entry = api.call("GET /content/{scope}/{ownerId}/bible/{collection}/{entryId}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.path("entryId", idaId)
			.send();
		api.call("GET /content/{scope}/{ownerId}/bible/{collection}/{entryId}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.path("entryId", UUID.randomUUID())
			.wrong()
			.send();
		Exchange changed = api.call("PATCH /content/{scope}/{ownerId}/bible/{collection}/{entryId}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.path("entryId", idaId)
			.header("If-Match", entry.header("ETag").orElseThrow())
			.json(Map.of("traits", List.of("patient")))
			.send();
		api.call("PATCH /content/{scope}/{ownerId}/bible/{collection}/{entryId}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.path("entryId", idaId)
			.json(Map.of("traits", List.of("no If-Match")))
			.wrong()
			.send();
		api.call("POST /content/{scope}/{ownerId}/bible/{collection}/reorder")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.json(Map.of("entryIds", List.of(max, idaId)))
			.send();
		api.call("POST /content/{scope}/{ownerId}/bible/{collection}/reorder")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.json(Map.of("entryIds", List.of(max, max)))
			.wrong()
			.send();
		api.call("DELETE /content/{scope}/{ownerId}/bible/{collection}/{entryId}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.path("entryId", idaId)
			.header("If-Match", changed.header("ETag").orElseThrow())
			.send();
		api.call("DELETE /content/{scope}/{ownerId}/bible/{collection}/{entryId}")
			.bearer(ada)
			.path("scope", "books")
			.path("ownerId", book)
			.path("collection", "characters")
			.path("entryId", idaId)
			.header("If-Match", "\"1\"")
			.wrong()
			.send();

		// Series
		Exchange series = api.call("POST /content/series").bearer(ada).json(Map.of("title", "Engines")).send();
		assertThat(series.status()).isEqualTo(201);
		String seriesId = series.json().get("id").asString();
		api.call("POST /content/series").bearer(ada).json(Map.of("title", " ")).wrong().send();
		api.call("GET /content/series").bearer(ada).send();
		api.call("GET /content/series").bearer(ada).query("cursor", "not-ours").wrong().send();
		api.call("PUT /content/series/{seriesId}/books/{bookId}")
			.bearer(ada)
			.path("seriesId", seriesId)
			.path("bookId", book)
			.send();
		String sequel = api.call("POST /content/books")
			.bearer(ada)
			.json(Map.of("title", "The Engine Returns"))
			.send()
			.json()
			.get("id")
			.asString();
		api.call("PUT /content/series/{seriesId}/books/{bookId}")
			.bearer(ada)
			.path("seriesId", seriesId)
			.path("bookId", sequel)
			.send();
		api.call("PUT /content/series/{seriesId}/books/{bookId}")
			.bearer(ada)
			.path("seriesId", seriesId)
			.path("bookId", UUID.randomUUID())
			.wrong()
			.send();
		api.call("POST /content/series/{seriesId}/books/reorder")
			.bearer(ada)
			.path("seriesId", seriesId)
			.json(Map.of("bookIds", List.of(sequel, book)))
			.send();
		api.call("POST /content/series/{seriesId}/books/reorder")
			.bearer(ada)
			.path("seriesId", seriesId)
			.json(Map.of("bookIds", List.of(sequel)))
			.wrong()
			.send();
		Exchange found = api.call("GET /content/series/{seriesId}").bearer(ada).path("seriesId", seriesId).send();
		api.call("GET /content/series/{seriesId}").bearer(bob).path("seriesId", seriesId).wrong().send();
		api.call("GET /content/{scope}/{ownerId}/bible")
			.bearer(ada)
			.path("scope", "series")
			.path("ownerId", seriesId)
			.send();
		Exchange patched = api.call("PATCH /content/series/{seriesId}")
			.bearer(ada)
			.path("seriesId", seriesId)
			.header("If-Match", found.header("ETag").orElseThrow())
			.json(Map.of("description", "Engines that dream."))
			.send();
		api.call("PATCH /content/series/{seriesId}")
			.bearer(ada)
			.path("seriesId", seriesId)
			.header("If-Match", "\"99\"")
			.json(Map.of("description", "Stale."))
			.wrong()
			.send();
		api.call("DELETE /content/series/{seriesId}/books/{bookId}")
			.bearer(ada)
			.path("seriesId", seriesId)
			.path("bookId", sequel)
			.send();
		api.call("DELETE /content/series/{seriesId}/books/{bookId}")
			.bearer(ada)
			.path("seriesId", seriesId)
			.path("bookId", sequel)
			.wrong()
			.send();
		Exchange latest = api.call("GET /content/series/{seriesId}").bearer(ada).path("seriesId", seriesId).send();
		assertThat(latest.header("ETag")).isPresent().isNotEqualTo(patched.header("ETag").orElse(""));
		api.call("DELETE /content/series/{seriesId}")
			.bearer(ada)
			.path("seriesId", seriesId)
			.header("If-Match", "\"99\"")
			.wrong()
			.send();
		api.call("DELETE /content/series/{seriesId}")
			.bearer(ada)
			.path("seriesId", seriesId)
			.header("If-Match", latest.header("ETag").orElseThrow())
			.send();

		// Publishing, public reading and takedowns
		api.call("POST /content/books/{bookId}/publish")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("include", "all", "visibility", "public"))
			.send();
		api.call("POST /content/books/{bookId}/publish")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("include", "some"))
			.wrong()
			.send();
		api.call("GET /content/public/books").query("genre", "sci-fi").send();
		api.call("GET /content/public/books").query("limit", 1000).wrong().send();
		api.call("GET /content/public/books/{bookId}").path("bookId", book).send();
		api.call("GET /content/public/books/{bookId}").path("bookId", UUID.randomUUID()).wrong().send();
		api.call("GET /content/public/books/{bookId}/chapters/{number}").path("bookId", book).path("number", 1).send();
		api.call("GET /content/public/books/{bookId}/chapters/{number}")
			.path("bookId", book)
			.path("number", 99)
			.wrong()
			.send();
		api.call("GET /content/admin/books").bearer(admin).send();
		api.call("GET /content/admin/books").bearer(ada).wrong().send();
		api.call("GET /content/admin/books/{bookId}").bearer(admin).path("bookId", book).send();
		api.call("GET /content/admin/books/{bookId}").bearer(admin).path("bookId", UUID.randomUUID()).wrong().send();
		api.call("POST /content/admin/books/{bookId}/takedown")
			.bearer(admin)
			.path("bookId", book)
			.json(Map.of("reason", "Contract test."))
			.send();
		api.call("POST /content/admin/books/{bookId}/takedown")
			.bearer(admin)
			.path("bookId", book)
			.json(Map.of())
			.wrong()
			.send();
		api.call("POST /content/admin/books/{bookId}/restore").bearer(admin).path("bookId", book).send();
		api.call("POST /content/admin/books/{bookId}/restore").bearer(ada).path("bookId", book).wrong().send();
		api.call("POST /content/books/{bookId}/unpublish").bearer(ada).path("bookId", book).send();
		api.call("POST /content/books/{bookId}/unpublish").bearer(bob).path("bookId", book).wrong().send();

		// Generation and assistance
		Map<String, Object> bible = Map.of("kind", "bible", "params", Map.of("premise", "Two rival bakers."));
		api.call("POST /content/books/{bookId}/generation/quote").bearer(ada).path("bookId", book).json(bible).send();
		api.call("POST /content/books/{bookId}/generation/quote")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("kind", "poem"))
			.wrong()
			.send();
		Exchange job = api.call("POST /content/books/{bookId}/generation/jobs")
			.bearer(ada)
			.path("bookId", book)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.json(bible)
			.send();
		assertThat(job.status()).isEqualTo(202);
		String jobId = job.json().get("id").asString();
		api.call("POST /content/books/{bookId}/generation/jobs")
			.bearer(ada)
			.path("bookId", book)
			.json(bible)
			.wrong()
			.send();
		api.call("GET /content/books/{bookId}/generation/jobs").bearer(ada).path("bookId", book).send();
		api.call("GET /content/books/{bookId}/generation/jobs").bearer(bob).path("bookId", book).wrong().send();
		api.call("GET /content/generation/jobs").bearer(ada).send();
		api.call("GET /content/generation/jobs").bearer(service).wrong().send();
		api.call("GET /content/generation/jobs/{jobId}").bearer(ada).path("jobId", jobId).send();
		api.call("GET /content/generation/jobs/{jobId}").bearer(bob).path("jobId", jobId).wrong().send();
		api.call("GET /content/generation/jobs/{jobId}/events").bearer(ada).path("jobId", jobId).open();
		api.call("GET /content/generation/jobs/{jobId}/events").bearer(bob).path("jobId", jobId).wrong().send();
		api.call("POST /content/generation/jobs/{jobId}/cancel").bearer(ada).path("jobId", jobId).send();
		api.call("POST /content/generation/jobs/{jobId}/cancel").bearer(bob).path("jobId", jobId).wrong().send();
		api.call("POST /content/books/{bookId}/assist")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("operation", "rewrite", "selection", "It began."))
			.open();
		api.call("POST /content/books/{bookId}/assist")
			.bearer(ada)
			.path("bookId", book)
			.json(Map.of("operation", "summon", "selection", "x"))
			.wrong()
			.send();

		// Deleting
		Exchange last = api.call("GET /content/books/{bookId}/chapters/{chapterId}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", second)
			.send();
		api.call("DELETE /content/books/{bookId}/chapters/{chapterId}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", second)
			.header("If-Match", "\"99\"")
			.wrong()
			.send();
		api.call("DELETE /content/books/{bookId}/chapters/{chapterId}")
			.bearer(ada)
			.path("bookId", book)
			.path("chapterId", second)
			.header("If-Match", last.header("ETag").orElseThrow())
			.send();
		JsonNode current = api.call("GET /content/books/{bookId}").bearer(ada).path("bookId", sequel).send().json();
		api.call("DELETE /content/books/{bookId}").bearer(ada).path("bookId", sequel).wrong().send();
		api.call("DELETE /content/books/{bookId}")
			.bearer(ada)
			.path("bookId", sequel)
			.header("If-Match", "\"" + current.get("version").asLong() + "\"")
			.send();

		api.assertEveryOperationRefusesWhatItMust();
		api.assertEveryOperationCovered();
	}

	/**
	 * The web app's API types are generated from the committed copy of this document, so
	 * the copy must be the document the service serves.
	 */
	@Test
	void theCommittedOpenApiDocumentIsTheOneServed() {
		OpenApiSnapshot.assertCommitted(ApiContract.of(base()).document(), "services/content-service", getClass());
	}

}
