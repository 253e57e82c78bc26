package io.authorworks.content;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a caller controls never reaches the database changed or as a 500 (issue #11):
 * JSON values of the wrong type, repeated keys, unknown fields, invalid language tags,
 * NUL and other control characters, lone surrogates and bytes that are not UTF-8 are each
 * a 4xx problem, and the book or chapter stays exactly as it was.
 */
class StrictInputIntegrationTests extends ContentIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void bookBodiesOfTheWrongShapeCreateNothing() {
		Author ada = author("ada");
		Map<String, String> refused = Map.of("{\"title\":123}", "title", "{\"title\":true}", "title",
				"{\"title\":\"Tides\",\"genres\":[1,2]}", "genres[0]", "{\"title\":\"a\",\"title\":\"b\"}", "title",
				"{\"title\":\"Tides\",\"colour\":\"blue\"}", "colour");
		refused.forEach((body, field) -> {
			Api.Response response = ada.api().send("POST", "/content/books", body, "application/json");
			assertProblem(response, 400, "malformed-body");
			assertThat(response.json().get("detail").asString()).as(body).contains("'" + field + "'");
		});
		assertProblem(ada.api().post("/content/books", Map.of("title", "Tides", "language", "en-US-x")), 422,
				"validation-failed");
		assertProblem(ada.api().post("/content/books", Map.of("title", "Tides", "language", "zz")), 422,
				"validation-failed");
		assertThat(booksOf(ada)).as("no refused request created a book").isZero();
	}

	@Test
	void controlCharactersAndLoneSurrogatesChangeNoBook() {
		Author ada = author("ada");
		String path = "/content/books/" + book(ada, "Tides").get("id").asString();
		Api.Response before = ada.api().get(path);
		for (String body : new String[] { "{\"title\":\"Ti\\u0000des\"}", "{\"description\":\"a\\u0007b\"}",
				"{\"title\":\"\\ud800\"}", "{\"tags\":[\"sea\",\"x\\udc00\"]}", "{\"language\":\"en-US-x\"}" }) {
			Api.Response response = ada.api()
				.with("If-Match", before.etag())
				.send("PATCH", path, body, "application/json");
			assertProblem(response, 422, "validation-failed");
		}
		Api.Response after = ada.api().get(path);
		assertThat(after.etag()).isEqualTo(before.etag());
		assertThat(after.json()).isEqualTo(before.json());
	}

	@Test
	void aChapterPositionMustBeAWholeNumber() {
		Author ada = author("ada");
		String bookId = book(ada, "Tides").get("id").asString();
		Api.Response response = ada.api()
			.send("POST", "/content/books/" + bookId + "/chapters", "{\"title\":\"One\",\"position\":1.5}",
					"application/json");
		assertProblem(response, 400, "malformed-body");
		assertThat(response.json().get("detail").asString()).contains("'position'");
		assertThat(this.jdbc.sql("select count(*) from chapters where book_id = cast(:id as uuid)")
			.param("id", bookId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aChapterSaveRefusesTextThatWouldBeStoredChangedOnEveryPath() {
		Author ada = author("ada");
		String bookId = book(ada, "Tides").get("id").asString();
		JsonNode chapter = chapter(ada, bookId, "One", "The sea rose.");
		String path = "/content/books/" + bookId + "/chapters/" + chapter.get("id").asString();
		Api.Response before = ada.api().get(path);
		Api api = ada.api().with("If-Match", before.etag());

		byte[] notUtf8 = { 'T', 'h', 'e', ' ', 's', 'e', 'a', ' ', (byte) 0xC3, 0x28 };
		assertProblem(api.sendBytes("PUT", path + "/content", notUtf8, "text/markdown"), 400, "malformed-body");
		byte[] encodedSurrogate = { 'T', 'h', 'e', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
		assertProblem(api.sendBytes("PUT", path + "/content", encodedSurrogate, "text/markdown"), 400,
				"malformed-body");
		byte[] jsonNotUtf8 = { '{', '"', 'c', 'o', 'n', 't', 'e', 'n', 't', '"', ':', '"', (byte) 0xFF, '"', '}' };
		assertProblem(api.sendBytes("PUT", path + "/content", jsonNotUtf8, "application/json"), 400, "malformed-body");
		assertProblem(api.send("PUT", path + "/content", "Bell\u0007 and NUL\u0000", "text/markdown"), 422,
				"validation-failed");
		assertProblem(
				api.send("PUT", path + "/content", "{\"content\":\"half \\ud83d of a smile\"}", "application/json"),
				422, "validation-failed");
		assertProblem(api.send("PATCH", path, "{\"title\":\"\\ud800\"}", "application/json"), 422, "validation-failed");
		assertProblem(api.sendBytes("POST", "/content/books/" + bookId + "/import", notUtf8, "text/markdown"), 400,
				"malformed-body");

		Api.Response after = ada.api().get(path);
		assertThat(after.etag()).isEqualTo(before.etag());
		assertThat(after.json().get("content").asString()).isEqualTo("The sea rose.");
		assertThat(after.json().get("title").asString()).isEqualTo("One");
		assertThat(this.jdbc.sql("select count(*) from chapters where book_id = cast(:id as uuid)")
			.param("id", bookId)
			.query(Long.class)
			.single()).as("the import added nothing").isEqualTo(1);

		Api.Response fine = api.sendBytes("PUT", path + "/content",
				"Tabs\tand\r\nline breaks, \u05e9\u05dc\u05d5\u05dd, \ud83c\udf0a".getBytes(StandardCharsets.UTF_8),
				"text/markdown");
		assertThat(fine.status()).as(fine.toString()).isEqualTo(200);
		assertThat(fine.json().get("content").asString())
			.isEqualTo("Tabs\tand\r\nline breaks, \u05e9\u05dc\u05d5\u05dd, \ud83c\udf0a");
	}

	private long booksOf(Author author) {
		return this.jdbc.sql("select count(*) from books where owner_id = :id")
			.param("id", author.id())
			.query(Long.class)
			.single();
	}

}
