package io.authorworks.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Story bibles and series through the API: a book's bible with its collections, a series
 * with ordered books, and the series bible a book inherits and overrides.
 */
class BibleAndSeriesIntegrationTests extends ContentIntegrationTest {

	@Test
	void bookBibleFieldsAndCharacters() {
		Author ada = author("ada");
		String bookId = book(ada, "Engines").get("id").asString();
		String bible = "/content/books/" + bookId + "/bible";
		Api.Response empty = ada.api().get(bible);
		assertThat(empty.etag()).isEqualTo("\"0\"");
		assertThat(empty.json().get("characters")).isEmpty();

		assertProblem(ada.api().patch(bible, Map.of("premise", "No If-Match")), 428, "precondition-required");
		Api.Response updated = ada.api()
			.with("If-Match", "\"0\"")
			.patch(bible, Map.of("premise", "A countess and an inventor build a thinking engine.", "pointOfView",
					"close third", "tense", "past"));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().get("styleGuide").get("pointOfView").asString()).isEqualTo("close third");

		Api.Response ada1 = ada.api()
			.post(bible + "/characters", Map.of("name", "Ada", "aliases", List.of("The Enchantress of Numbers"), "role",
					"protagonist", "traits", List.of("curious", "stubborn"), "arc", "From prodigy to pioneer"));
		assertThat(ada1.status()).as(ada1.toString()).isEqualTo(201);
		assertThat(ada1.header("Location")).hasValueSatisfying((l) -> assertThat(l).startsWith(bible + "/characters/"));
		ada.api().post(bible + "/characters", Map.of("name", "Charles", "role", "mentor"));
		assertProblem(ada.api().post(bible + "/characters", Map.of("name", "ADA")), 409, "conflict");
		assertProblem(ada.api().post(bible + "/locations", Map.of("name", "London", "traits", List.of("foggy"))), 422,
				"validation-failed");
		assertProblem(ada.api().post(bible + "/villains", Map.of("name", "Moriarty")), 404, "not-found");
		ada.api().post(bible + "/locations", Map.of("name", "London", "category", "city"));

		List<String> ids = new ArrayList<>();
		ada.api().get(bible + "/characters").json().get("items").forEach((c) -> ids.add(c.get("id").asString()));
		JsonNode reordered = ada.api().post(bible + "/characters/reorder", Map.of("entryIds", ids.reversed())).json();
		assertThat(reordered.get("items").get(0).get("name").asString()).isEqualTo("Charles");

		String entry = ada1.header("Location").orElseThrow();
		assertProblem(ada.api().with("If-Match", "\"9\"").patch(entry, Map.of("role", "hero")), 412,
				"precondition-failed");
		assertThat(ada.api()
			.with("If-Match", ada1.etag())
			.patch(entry, Map.of("role", "hero"))
			.json()
			.get("role")
			.asString()).isEqualTo("hero");

		JsonNode whole = ada.api().get(bible).json();
		assertThat(whole.get("premise").asString()).startsWith("A countess");
		assertThat(whole.get("characters")).hasSize(2);
		assertThat(whole.get("locations").get(0).get("category").asString()).isEqualTo("city");

		Author eve = author("eve");
		assertProblem(eve.api().get(bible), 404, "not-found");
		assertProblem(eve.api().post(bible + "/notes", Map.of("name", "Mine")), 404, "not-found");
	}

	@Test
	void seriesOrdersItsBooksAndItsBibleIsInherited() {
		Author ada = author("ada");
		String first = book(ada, "Book One").get("id").asString();
		String second = book(ada, "Book Two").get("id").asString();
		Api.Response created = ada.api().post("/content/series", Map.of("title", "The Engine Cycle"));
		assertThat(created.status()).isEqualTo(201);
		String series = "/content/series/" + created.json().get("id").asString();
		ada.api().put(series + "/books/" + first, null);
		JsonNode withBoth = ada.api().put(series + "/books/" + second, null).json();
		assertThat(withBoth.get("books")).extracting((b) -> b.get("title").asString())
			.containsExactly("Book One", "Book Two");
		JsonNode swapped = ada.api().post(series + "/books/reorder", Map.of("bookIds", List.of(second, first))).json();
		assertThat(swapped.get("books")).extracting((b) -> b.get("position").asInt() + ":" + b.get("title").asString())
			.containsExactly("1:Book Two", "2:Book One");
		assertThat(ada.api().get("/content/books/" + first).json().get("seriesPosition").asInt()).isEqualTo(2);

		ada.api()
			.with("If-Match", "\"0\"")
			.patch(series + "/bible", Map.of("premise", "Engines change the world.", "tense", "past"));
		ada.api().post(series + "/bible/characters", Map.of("name", "Ada", "role", "protagonist"));
		ada.api().post(series + "/bible/characters", Map.of("name", "Charles", "role", "mentor"));
		String bookBible = "/content/books/" + first + "/bible";
		ada.api().with("If-Match", "\"0\"").patch(bookBible, Map.of("tense", "present"));
		ada.api().post(bookBible + "/characters", Map.of("name", "charles", "role", "rival"));
		ada.api().post(bookBible + "/characters", Map.of("name", "Mary", "role", "friend"));

		JsonNode resolved = ada.api().get(bookBible + "?resolved=true").json();
		assertThat(resolved.get("resolved").asBoolean()).isTrue();
		assertThat(resolved.get("premise").asString()).isEqualTo("Engines change the world.");
		assertThat(resolved.get("styleGuide").get("tense").asString()).isEqualTo("present");
		assertThat(resolved.get("characters"))
			.extracting(
					(c) -> c.get("name").asString() + "/" + c.get("role").asString() + "/" + c.get("source").asString())
			.containsExactly("Ada/protagonist/series", "charles/rival/book", "Mary/friend/book");
		assertThat(ada.api().get(bookBible).json().get("characters")).hasSize(2);

		Author eve = author("eve");
		assertProblem(eve.api().get(series), 404, "not-found");
		assertProblem(eve.api().get(series + "/bible"), 404, "not-found");
		assertProblem(eve.api().put(series + "/books/" + book(eve, "Eve's").get("id").asString(), null), 404,
				"not-found");

		ada.api().delete(series + "/books/" + second);
		assertThat(ada.api().get("/content/books/" + first).json().get("seriesPosition").asInt()).isEqualTo(1);
		String etag = ada.api().get(series).etag();
		assertThat(ada.api().with("If-Match", etag).delete(series).status()).isEqualTo(204);
		assertThat(ada.api().get("/content/books/" + first).json().has("seriesId")).isFalse();
	}

}
