package io.authorworks.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Books through the API: creating, the bookshelf with its filters, sorts and cursors,
 * If-Match on updates and deletes, input checks, and privacy from other people.
 */
class BookIntegrationTests extends ContentIntegrationTest {

	@Test
	void createReadAndUpdateWithIfMatch() {
		Author ada = author("ada");
		Api.Response created = ada.api()
			.post("/content/books", Map.of("title", "  The Analytical Engine ", "genres", List.of("Sci-Fi", "sci-fi"),
					"language", "en-gb", "coverRef", "covers/engine.png"));
		assertThat(created.status()).isEqualTo(201);
		JsonNode book = created.json();
		String id = book.get("id").asString();
		assertThat(created.header("Location")).hasValue("/content/books/" + id);
		assertThat(created.etag()).isEqualTo("\"1\"");
		assertThat(book.get("title").asString()).isEqualTo("The Analytical Engine");
		assertThat(book.get("genres").toString()).isEqualTo("[\"sci-fi\"]");
		assertThat(book.get("language").asString()).isEqualTo("en-GB");
		assertThat(book.get("status").asString()).isEqualTo("draft");
		assertThat(book.get("visibility").asString()).isEqualTo("private");
		assertThat(book.get("role").asString()).isEqualTo("owner");
		assertThat(book.has("subtitle")).as("absent optional fields are omitted").isFalse();

		Api.Response withoutIfMatch = ada.api().patch("/content/books/" + id, Map.of("title", "Engines"));
		assertProblem(withoutIfMatch, 428, "precondition-required");

		Api.Response updated = ada.api()
			.with("If-Match", created.etag())
			.patch("/content/books/" + id, Map.of("title", "Engines", "status", "writing", "subtitle", "A Novel"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.etag()).isEqualTo("\"2\"");
		assertThat(updated.json().get("subtitle").asString()).isEqualTo("A Novel");

		Api.Response stale = ada.api()
			.with("If-Match", created.etag())
			.patch("/content/books/" + id, Map.of("title", "Lost update"));
		assertProblem(stale, 412, "precondition-failed");
		assertThat(ada.api().get("/content/books/" + id).json().get("title").asString()).isEqualTo("Engines");

		Api.Response cleared = ada.api()
			.with("If-Match", updated.etag())
			.patch("/content/books/" + id, Map.of("subtitle", ""));
		assertThat(cleared.json().has("subtitle")).isFalse();
	}

	@Test
	void badInputIsRefusedWithEveryViolationAndChangesNothing() {
		Author ada = author("ada");
		Api.Response refused = ada.api()
			.post("/content/books", Map.of("title", " ", "language", "not a language", "status", "published",
					"visibility", "secret", "genres", List.of("x".repeat(41))));
		assertProblem(refused, 422, "validation-failed");
		List<String> fields = new ArrayList<>();
		refused.json().get("violations").forEach((v) -> fields.add(v.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("title", "language", "status", "visibility", "genres[0]");
		assertThat(ada.api().get("/content/books").json().get("items")).isEmpty();

		JsonNode book = book(ada, "Kept");
		String id = book.get("id").asString();
		Api.Response badPatch = ada.api()
			.with("If-Match", "\"1\"")
			.patch("/content/books/" + id, Map.of("title", "Changed", "status", "published"));
		assertProblem(badPatch, 422, "validation-failed");
		JsonNode after = ada.api().get("/content/books/" + id).json();
		assertThat(after.get("title").asString()).isEqualTo("Kept");
		assertThat(after.get("version").asLong()).isEqualTo(1);

		assertProblem(ada.api().send("POST", "/content/books", "{\"title\":", "application/json"), 400,
				"malformed-body");
		assertProblem(ada.api().get("/content/books?sort=wordCount"), 400, "bad-request");
		assertProblem(ada.api().get("/content/books?cursor=garbage"), 400, "bad-request");
		assertProblem(ada.api().get("/content/books/not-a-uuid"), 400, "bad-request");
	}

	@Test
	void bookshelfPagesThroughBooksInEachOrder() {
		Author bea = author("bea");
		List<String> titles = List.of("Delta", "alpha", "Charlie", "bravo", "Echo");
		for (String title : titles) {
			book(bea, title);
		}
		assertThat(pageThrough(bea, "?sort=title&limit=2")).containsExactly("alpha", "bravo", "Charlie", "Delta",
				"Echo");
		assertThat(pageThrough(bea, "?sort=-title&limit=3")).containsExactly("Echo", "Delta", "Charlie", "bravo",
				"alpha");
		assertThat(pageThrough(bea, "?sort=createdAt&limit=2")).containsExactlyElementsOf(titles);
		assertThat(pageThrough(bea, "?limit=4")).containsExactlyElementsOf(titles.reversed());

		String archivedId = bea.api()
			.get("/content/books?sort=title&limit=1")
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		bea.api().with("If-Match", "\"1\"").patch("/content/books/" + archivedId, Map.of("status", "archived"));
		assertThat(pageThrough(bea, "?status=archived")).containsExactly("alpha");
		assertThat(pageThrough(bea, "?status=draft&sort=title")).containsExactly("bravo", "Charlie", "Delta", "Echo");
	}

	@Test
	void otherPeopleCannotSeeOrChangeAPrivateBook() {
		Author ada = author("ada");
		Author eve = author("eve");
		String id = book(ada, "Secret diary").get("id").asString();
		assertProblem(eve.api().get("/content/books/" + id), 404, "not-found");
		assertProblem(eve.api().with("If-Match", "\"1\"").patch("/content/books/" + id, Map.of("title", "Mine")), 404,
				"not-found");
		assertProblem(eve.api().with("If-Match", "\"1\"").delete("/content/books/" + id), 404, "not-found");
		assertProblem(eve.api().get("/content/books/" + id + "/access"), 404, "not-found");
		assertThat(eve.api().get("/content/books").json().get("items")).isEmpty();
		assertProblem(anonymous().get("/content/books/" + id), 401, "unauthenticated");
		assertThat(ada.api().get("/content/books/" + id).json().get("title").asString()).isEqualTo("Secret diary");
	}

	@Test
	void deleteNeedsIfMatchAndRemovesTheBook() {
		Author ada = author("ada");
		String id = book(ada, "Short-lived").get("id").asString();
		assertProblem(ada.api().delete("/content/books/" + id), 428, "precondition-required");
		assertThat(ada.api().with("If-Match", "\"1\"").delete("/content/books/" + id).status()).isEqualTo(204);
		assertProblem(ada.api().get("/content/books/" + id), 404, "not-found");
	}

	@Test
	void aRetriedCreateWithTheSameIdempotencyKeyCreatesOneBook() {
		Author ada = author("ada");
		String key = "create-book-" + java.util.UUID.randomUUID();
		Api keyed = ada.api().with("Idempotency-Key", key);
		Api.Response first = keyed.post("/content/books", Map.of("title", "Exactly once"));
		Api.Response retry = keyed.post("/content/books", Map.of("title", "Exactly once"));
		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
		assertProblem(keyed.post("/content/books", Map.of("title", "Something else")), 422, "idempotency-key-reused");
		assertThat(ada.api().get("/content/books").json().get("items")).hasSize(1);

		Author bo = author("bo");
		Api.Response sameKeyOtherPerson = bo.api()
			.with("Idempotency-Key", key)
			.post("/content/books", Map.of("title", "Exactly once"));
		assertThat(sameKeyOtherPerson.header("Idempotent-Replayed")).isEmpty();
	}

	@Test
	void theOpenApiDocumentDescribesTheApiAndItsPublicEndpoints() {
		Api.Response docs = anonymous().get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().get("paths");
		assertThat(paths.has("/content/books/{bookId}/chapters/reorder")).isTrue();
		assertThat(paths.has("/content/books/{bookId}/export/{format}")).isTrue();
		assertThat(paths.get("/content/public/books/{bookId}").get("get").get("security")).isEmpty();
		assertThat(paths.get("/content/books").get("post").get("security")).isNotEmpty();
	}

	private List<String> pageThrough(Author author, String query) {
		List<String> titles = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String sep = query.isEmpty() ? "?" : "&";
			JsonNode page = author.api()
				.get("/content/books" + query + ((cursor != null) ? sep + "cursor=" + cursor : ""))
				.json();
			page.get("items").forEach((item) -> titles.add(item.get("title").asString()));
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
			assertThat(++pages).isLessThan(20);
		}
		while (cursor != null);
		return titles;
	}

}
