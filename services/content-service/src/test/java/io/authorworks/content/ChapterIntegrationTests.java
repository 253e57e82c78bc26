package io.authorworks.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chapters through the API: writing with If-Match, word counts kept on the book,
 * revisions listed, compared and restored, and order that stays exactly 1..n however many
 * people reorder at once.
 */
class ChapterIntegrationTests extends ContentIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void writeAChapterWithIfMatchAndKeepTheBookWordCount() {
		Author ada = author("ada");
		String bookId = book(ada, "Engines").get("id").asString();
		JsonNode first = chapter(ada, bookId, "The Loom", "Ada watched the loom.");
		assertThat(first.get("position").asInt()).isEqualTo(1);
		assertThat(first.get("wordCount").asInt()).isEqualTo(4);
		Api.Response untitled = ada.api().post("/content/books/" + bookId + "/chapters", Map.of());
		assertThat(untitled.json().get("title").asString()).isEqualTo("Chapter 2");

		String path = "/content/books/" + bookId + "/chapters/" + first.get("id").asString();
		Api.Response read = ada.api().get(path);
		assertThat(read.etag()).startsWith("\"1.");

		assertProblem(ada.api().put(path + "/content", Map.of("content", "No precondition.")), 428,
				"precondition-required");
		Api.Response saved = ada.api()
			.with("If-Match", read.etag())
			.put(path + "/content", Map.of("content", "Ada watched the loom weave *algebra*."));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		Api.Response reread = ada.api().get(path);
		assertThat(saved.etag()).startsWith("\"2.").isEqualTo(reread.etag());
		assertThat(saved.json()).as("the answer to a save is the chapter as stored").isEqualTo(reread.json());
		assertThat(saved.json().get("wordCount").asInt()).isEqualTo(6);

		Api.Response stale = ada.api()
			.with("If-Match", read.etag())
			.put(path + "/content", Map.of("content", "An older tab overwrites the newer text."));
		assertProblem(stale, 412, "precondition-failed");
		assertThat(ada.api().get(path).json().get("content").asString())
			.isEqualTo("Ada watched the loom weave *algebra*.");

		Api.Response raw = ada.api()
			.with("If-Match", saved.etag())
			.send("PUT", path + "/content", "Plain **Markdown** body.", "text/markdown");
		assertThat(raw.status()).as(raw.toString()).isEqualTo(200);
		assertThat(raw.json().get("content").asString()).isEqualTo("Plain **Markdown** body.");
		assertThat(ada.api().get("/content/books/" + bookId).json().get("wordCount").asLong()).isEqualTo(3);

		Api.Response renamed = ada.api()
			.with("If-Match", raw.etag())
			.patch(path, Map.of("title", "The Jacquard Loom", "status", "final"));
		assertThat(renamed.json().get("status").asString()).isEqualTo("final");
		assertProblem(ada.api().with("If-Match", renamed.etag()).patch(path, Map.of("status", "done")), 422,
				"validation-failed");
	}

	@Test
	void aReadIsNeverAnsweredFromAStaleVersionTag() {
		Author ada = author("ada");
		String bookId = book(ada, "Engines").get("id").asString();
		JsonNode first = chapter(ada, bookId, "The Loom", "Ada watched the loom.");
		JsonNode second = chapter(ada, bookId, "The Engine", "Charles drew the engine.");
		String path = "/content/books/" + bookId + "/chapters/" + first.get("id").asString();
		Api.Response before = ada.api().get(path);
		assertThat(before.json().get("position").asInt()).isEqualTo(1);

		// A reorder moves the chapter without a new version of its own fields: a client
		// revalidating with the tag it holds must not be told its copy is current, and
		// the version alone ("1", what If-Match compares) validates nothing.
		ada.api()
			.post("/content/books/" + bookId + "/chapters/reorder",
					Map.of("chapterIds", List.of(second.get("id").asString(), first.get("id").asString())));
		Api.Response after = ada.api().with("If-None-Match", before.etag()).get(path);
		assertThat(after.status()).as(after.toString()).isEqualTo(200);
		assertThat(after.etag()).isNotEqualTo(before.etag()).startsWith("\"1.");
		assertThat(after.json().get("position").asInt()).isEqualTo(2);
		assertThat(ada.api().with("If-None-Match", "\"1\"").get(path).status()).isEqualTo(200);
		Api.Response book = ada.api().get("/content/books/" + bookId);
		assertThat(ada.api()
			.with("If-None-Match", book.etag())
			.with("If-Modified-Since", "Sun, 06 Nov 2994 08:49:37 GMT")
			.get("/content/books/" + bookId)
			.status()).isEqualTo(200);

		// Knowing a tag does not get a stranger past the access check.
		Author eve = author("eve");
		assertProblem(eve.api().with("If-None-Match", before.etag()).get(path), 404, "not-found");
	}

	@Test
	void anUnchangedChapterIsRevalidatedWithoutItsTextAndOnlyForThoseWhoMayReadIt() {
		Author ada = author("ada");
		String bookId = book(ada, "Looms").get("id").asString();
		String chapterId = chapter(ada, bookId, "The Loom", "Ada watched the loom.").get("id").asString();
		String path = "/content/books/" + bookId + "/chapters/" + chapterId;
		Api.Response read = ada.api().get(path);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("Cache-Control")).hasValueSatisfying(
				(value) -> assertThat(value).contains("no-cache").contains("private").doesNotContain("no-store"));
		String etag = read.etag();

		for (String same : List.of(etag, "W/" + etag, "\"0.1\", " + etag, "*")) {
			Api.Response revalidated = ada.api().with("If-None-Match", same).get(path);
			assertThat(revalidated.status()).as(same + ": " + revalidated).isEqualTo(304);
			assertThat(revalidated.bytes()).as(same).isEmpty();
			assertThat(revalidated.etag()).isEqualTo(etag);
			assertThat(revalidated.header("Cache-Control"))
				.hasValueSatisfying((value) -> assertThat(value).contains("no-cache").contains("private"));
		}
		for (String other : List.of("\"0.1\"", etag.replace("\"", ""), "W/", "\"\"\"", "garbage")) {
			Api.Response whole = ada.api().with("If-None-Match", other).get(path);
			assertThat(whole.status()).as(other + ": " + whole).isEqualTo(200);
			assertThat(whole.json().get("content").asString()).isEqualTo("Ada watched the loom.");
		}

		Api.Response saved = ada.api()
			.with("If-Match", etag)
			.put(path + "/content", Map.of("content", "Ada watched the loom weave."));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		Api.Response changed = ada.api().with("If-None-Match", etag).get(path);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.etag()).isEqualTo(saved.etag()).isNotEqualTo(etag);
		assertThat(changed.json().get("content").asString()).isEqualTo("Ada watched the loom weave.");
		assertThat(ada.api().with("If-None-Match", saved.etag()).get(path).status()).isEqualTo(304);

		// Neither a stranger nor anyone for a chapter that is not there is told anything.
		Author eve = author("eve");
		for (String tag : List.of(saved.etag(), "*")) {
			assertProblem(eve.api().with("If-None-Match", tag).get(path), 404, "not-found");
			assertProblem(ada.api()
				.with("If-None-Match", tag)
				.get("/content/books/" + bookId + "/chapters/" + UUID.randomUUID()), 404, "not-found");
		}

		// A reader who is no longer a member holds a current tag, and is told nothing.
		Author bob = author("bob");
		Api.Response shared = ada.api()
			.post("/content/books/" + bookId + "/members",
					Map.of("userId", bob.id().toString(), "role", "beta-reader"));
		assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
		assertThat(bob.api().with("If-None-Match", saved.etag()).get(path).status()).isEqualTo(304);
		Api.Response removed = ada.api().delete("/content/books/" + bookId + "/members/" + bob.id());
		assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
		assertProblem(bob.api().with("If-None-Match", saved.etag()).get(path), 404, "not-found");
	}

	@Test
	void revisionsAreListedComparedAndRestored() {
		Author ada = author("ada");
		String bookId = book(ada, "Drafts").get("id").asString();
		JsonNode chapter = chapter(ada, bookId, "One", "First line.\nSecond line.");
		String path = "/content/books/" + bookId + "/chapters/" + chapter.get("id").asString();
		String etag = "\"1\"";
		etag = ada.api()
			.with("If-Match", etag)
			.put(path + "/content", Map.of("content", "First line.\nSecond, better."))
			.etag();
		etag = ada.api()
			.with("If-Match", etag)
			.put(path + "/content", Map.of("content", "First line.\nSecond, best.\nThird."))
			.etag();

		JsonNode revisions = ada.api().get(path + "/revisions?limit=2").json();
		assertThat(revisions.get("items")).hasSize(2);
		assertThat(revisions.get("items").get(0).get("number").asInt()).isEqualTo(3);
		assertThat(revisions.get("items").get(0).get("current").asBoolean()).isTrue();
		assertThat(revisions.get("items").get(1).get("kind").asString()).isEqualTo("saved");
		JsonNode rest = ada.api()
			.get(path + "/revisions?limit=2&cursor=" + revisions.get("nextCursor").asString())
			.json();
		assertThat(rest.get("items")).singleElement().satisfies((r) -> {
			assertThat(r.get("number").asInt()).isEqualTo(1);
			assertThat(r.get("kind").asString()).isEqualTo("created");
		});
		assertThat(rest.has("nextCursor")).isFalse();
		assertThat(ada.api().get(path + "/revisions/1").json().get("content").asString())
			.isEqualTo("First line.\nSecond line.");

		JsonNode diff = ada.api().get(path + "/diff?from=1").json();
		List<String> unified = new ArrayList<>();
		diff.get("unified").forEach((line) -> unified.add(line.asString()));
		assertThat(unified).containsExactly("--- revision 1", "+++ revision 3", "@@ -1,2 +1,3 @@", " First line.",
				"-Second line.", "+Second, best.", "+Third.");
		assertThat(diff.get("linesAdded").asInt()).isEqualTo(2);
		assertThat(diff.get("changes").get(0).get("type").asString()).isEqualTo("change");
		assertThat(ada.api().get(path + "/diff?from=1&to=2").json().get("to").get("number").asInt()).isEqualTo(2);
		assertProblem(ada.api().get(path + "/diff?from=first"), 400, "bad-request");
		assertProblem(ada.api().get(path + "/diff?from=99"), 404, "not-found");

		assertProblem(ada.api().with("If-Match", "\"1\"").post(path + "/revisions/1/restore", null), 412,
				"precondition-failed");
		Api.Response restored = ada.api().with("If-Match", etag).post(path + "/revisions/1/restore", null);
		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		assertThat(restored.etag()).isNotEqualTo(etag).startsWith("\"4.");
		assertThat(restored.json().get("content").asString()).isEqualTo("First line.\nSecond line.");
		JsonNode newest = ada.api().get(path + "/revisions?limit=1").json().get("items").get(0);
		assertThat(newest.get("number").asInt()).isEqualTo(4);
		assertThat(newest.get("kind").asString()).isEqualTo("restored");
		assertThat(newest.get("restoredFrom").asInt()).isEqualTo(1);
		assertThat(ada.api().get(path + "/revisions/3").json().get("content").asString()).as("restoring loses nothing")
			.isEqualTo("First line.\nSecond, best.\nThird.");
	}

	@Test
	void insertMoveDeleteAndReorderKeepPositionsDense() {
		Author ada = author("ada");
		String bookId = book(ada, "Order").get("id").asString();
		String a = chapter(ada, bookId, "A", "").get("id").asString();
		String c = chapter(ada, bookId, "C", "").get("id").asString();
		Api.Response b = ada.api().post("/content/books/" + bookId + "/chapters", Map.of("title", "B", "position", 2));
		assertThat(b.json().get("position").asInt()).isEqualTo(2);
		assertThat(titles(ada, bookId)).containsExactly("A", "B", "C");

		ada.api().post("/content/books/" + bookId + "/chapters/" + a + "/move", Map.of("position", 3));
		assertThat(titles(ada, bookId)).containsExactly("B", "C", "A");

		ada.api()
			.post("/content/books/" + bookId + "/chapters/reorder",
					Map.of("chapterIds", List.of(c, a, b.json().get("id").asString())));
		assertThat(titles(ada, bookId)).containsExactly("C", "A", "B");

		Api.Response incomplete = ada.api()
			.post("/content/books/" + bookId + "/chapters/reorder", Map.of("chapterIds", List.of(c, a)));
		assertProblem(incomplete, 422, "validation-failed");
		Api.Response twice = ada.api()
			.post("/content/books/" + bookId + "/chapters/reorder", Map.of("chapterIds", List.of(c, a, a)));
		assertProblem(twice, 422, "validation-failed");
		assertThat(titles(ada, bookId)).containsExactly("C", "A", "B");

		assertThat(ada.api().with("If-Match", "\"1\"").delete("/content/books/" + bookId + "/chapters/" + a).status())
			.isEqualTo(204);
		assertThat(titles(ada, bookId)).containsExactly("C", "B");
		assertThat(positions(bookId)).containsExactly(1, 2);
	}

	@Test
	void concurrentReordersMovesAndSavesLeavePositionsExactlyOneToN() throws Exception {
		Author ada = author("ada");
		String bookId = book(ada, "Contested").get("id").asString();
		int chapters = 12;
		List<String> ids = new ArrayList<>();
		for (int i = 1; i <= chapters; i++) {
			ids.add(chapter(ada, bookId, "Chapter " + i, "Words " + i).get("id").asString());
		}
		int threads = 16;
		int requestsPerThread = 12;
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				long seed = 1000L + t;
				done.add(pool.submit(() -> {
					RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
					for (int r = 0; r < requestsPerThread; r++) {
						Api.Response response = switch (random.nextInt(3)) {
							case 0 -> {
								List<String> order = new ArrayList<>(ids);
								Collections.shuffle(order, random);
								yield ada.api()
									.post("/content/books/" + bookId + "/chapters/reorder",
											Map.of("chapterIds", order));
							}
							case 1 -> ada.api()
								.post("/content/books/" + bookId + "/chapters/" + ids.get(random.nextInt(chapters))
										+ "/move", Map.of("position", random.nextInt(1, chapters + 1)));
							default -> {
								String path = "/content/books/" + bookId + "/chapters/"
										+ ids.get(random.nextInt(chapters));
								yield ada.api()
									.with("If-Match", "*")
									.put(path + "/content", Map.of("content", "Saved " + random.nextInt()));
							}
						};
						statuses.add(response.status());
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		assertThat(statuses).hasSize(threads * requestsPerThread).allMatch((status) -> status == 200);
		assertThat(positions(bookId)).containsExactlyElementsOf(IntStream.rangeClosed(1, chapters).boxed().toList());
		List<String> listed = new ArrayList<>();
		ada.api()
			.get("/content/books/" + bookId + "/chapters?limit=100")
			.json()
			.get("items")
			.forEach((item) -> listed.add(item.get("id").asString()));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
		long words = this.jdbc.sql("select coalesce(sum(word_count), 0) from chapters where book_id = :id")
			.param("id", UUID.fromString(bookId))
			.query(Long.class)
			.single();
		assertThat(ada.api().get("/content/books/" + bookId).json().get("wordCount").asLong()).isEqualTo(words);
	}

	@Test
	void otherPeopleAndBetaReadersCannotWrite() {
		Author ada = author("ada");
		Author eve = author("eve");
		Author bo = author("bo");
		String bookId = book(ada, "Private").get("id").asString();
		String chapterId = chapter(ada, bookId, "One", "Secret text.").get("id").asString();
		String path = "/content/books/" + bookId + "/chapters/" + chapterId;
		assertProblem(eve.api().get(path), 404, "not-found");
		assertProblem(eve.api().get(path + "/revisions"), 404, "not-found");
		assertProblem(eve.api().with("If-Match", "*").put(path + "/content", Map.of("content", "Mine now")), 404,
				"not-found");

		Api.Response shared = ada.api()
			.post("/content/books/" + bookId + "/members", Map.of("userId", bo.id(), "role", "beta-reader"));
		assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
		assertThat(bo.api().get(path).json().get("content").asString()).isEqualTo("Secret text.");
		assertProblem(bo.api().with("If-Match", "*").put(path + "/content", Map.of("content", "Suggestion")), 403,
				"forbidden");
		assertThat(ada.api().get(path).json().get("content").asString()).isEqualTo("Secret text.");
	}

	private List<String> titles(Author author, String bookId) {
		List<String> titles = new ArrayList<>();
		author.api()
			.get("/content/books/" + bookId + "/chapters")
			.json()
			.get("items")
			.forEach((item) -> titles.add(item.get("title").asString()));
		return titles;
	}

	private List<Integer> positions(String bookId) {
		return this.jdbc.sql("select position from chapters where book_id = :id order by position")
			.param("id", UUID.fromString(bookId))
			.query((rs, row) -> rs.getInt("position"))
			.list();
	}

}
