package io.authorworks.content;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.authorworks.content.author.AuthorNames;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Authors' display names mirrored from the user-service's events (sent as its golden
 * samples, over the real RabbitMQ), as readers see them: the sign-up name, then each
 * newer profile name, never an older one that arrives late.
 */
class AuthorNamesIntegrationTests extends ContentIntegrationTest {

	@Autowired
	AuthorNames names;

	@Test
	void readersSeeTheAuthorsCurrentDisplayName() {
		Author ada = author("ada");
		userEvent("UserRegistered", ada.id(), Map.of("displayName", "Ada Byron"));
		String bookId = publishedBook(ada, "The Analytical Engine");
		Api reader = anonymous();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(authorName(reader.get("/content/public/books/" + bookId).json()))
				.isEqualTo("Ada Byron"));

		userEvent("UserProfileUpdated", ada.id(), Map.of("version", 5, "displayName", "Ada Lovelace"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(authorName(reader.get("/content/public/books/" + bookId).json()))
				.isEqualTo("Ada Lovelace"));
		JsonNode listed = reader.get("/content/public/books?limit=100").json().get("items");
		assertThat(listed).filteredOn((book) -> book.get("id").asString().equals(bookId))
			.singleElement()
			.satisfies((book) -> assertThat(authorName(book)).isEqualTo("Ada Lovelace"));

		// A late, older update and a redelivered sign-up change nothing. Events on the
		// queue are applied in order, so once a later one is seen, these were applied.
		userEvent("UserProfileUpdated", ada.id(), Map.of("version", 4, "displayName", "Stale"));
		userEvent("UserRegistered", ada.id(), Map.of("displayName", "Ada Byron"));
		UUID marker = UUID.randomUUID();
		userEvent("UserRegistered", marker, Map.of("displayName", "Marker"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.names.of(marker).isPresent());
		assertThat(authorName(reader.get("/content/public/books/" + bookId).json())).isEqualTo("Ada Lovelace");
	}

	@Test
	void aBookWhoseAuthorIsNotKnownYetHasNoAuthorName() {
		Author bo = author("bo");
		String bookId = publishedBook(bo, "Anonymous");
		JsonNode book = anonymous().get("/content/public/books/" + bookId).json();
		assertThat(book.get("authorId").asString()).isEqualTo(bo.id().toString());
		assertThat(book.has("authorName")).isFalse();
	}

	private String publishedBook(Author author, String title) {
		String bookId = book(author, title).get("id").asString();
		chapter(author, bookId, "One", "It begins.");
		Api.Response published = author.api()
			.post("/content/books/" + bookId + "/publish", Map.of("include", "all", "visibility", "public"));
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		return bookId;
	}

	private static @Nullable String authorName(JsonNode book) {
		JsonNode name = book.get("authorName");
		return (name != null) ? name.asString() : null;
	}

}
