package io.authorworks.content;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the account roles mean here: starting books and series and running AI generation
 * need {@code author}; a reader-only account may still do what a book it was invited to
 * lets it do.
 */
class RolesIntegrationTests extends ContentIntegrationTest {

	static final Map<String, Object> OUTLINE = GenerationIntegrationTests.FULL_BOOK;

	@Test
	void aReaderCannotStartABookOrASeriesUntilTheyBecomeAnAuthor() {
		Author rea = person("rea", "reader");
		Api.Response book = rea.api().post("/content/books", Map.of("title", "Not yet"));
		assertProblem(book, 403, "role-required");
		assertThat(book.json().get("role").asString()).isEqualTo("author");
		assertThat(book.json().get("detail").asString()).contains("Become an author");
		assertProblem(rea.api().post("/content/series", Map.of("title", "Not yet")), 403, "role-required");
		assertThat(rea.api().get("/content/books").json().get("items")).as("nothing was created").isEmpty();

		Author author = withRoles(rea, "reader", "author");
		assertThat(author.api().post("/content/books", Map.of("title", "Now")).status()).isEqualTo(201);
		assertThat(author.api().post("/content/series", Map.of("title", "Now")).status()).isEqualTo(201);
	}

	@Test
	void generationNeedsTheAuthorRoleEvenInYourOwnBook() {
		Author ada = author("ada");
		String book = book(ada, "Mine").get("id").asString();
		Author demoted = withRoles(ada, "reader");

		assertProblem(demoted.api().post("/content/books/" + book + "/generation/quote", OUTLINE), 403,
				"role-required");
		assertProblem(demoted.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/content/books/" + book + "/generation/jobs", OUTLINE), 403, "role-required");
		assertProblem(demoted.api()
			.post("/content/books/" + book + "/assist", Map.of("operation", "rewrite", "selection", "Some text.")), 403,
				"role-required");
		assertThat(ada.api().get("/content/books/" + book + "/generation/jobs").json().get("items")).isEmpty();

		Api.Response started = ada.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/content/books/" + book + "/generation/jobs", OUTLINE);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
	}

	@Test
	void aStrangerWithoutTheRoleStillLearnsNothingAboutAPrivateBook() {
		Author ada = author("ada");
		String book = book(ada, "Secret").get("id").asString();
		Author rea = person("rea", "reader");
		assertProblem(rea.api().post("/content/books/" + book + "/generation/quote", OUTLINE), 404, "not-found");
	}

	@Test
	void aReaderInvitedToABookKeepsWhatTheirMembershipAllows() {
		Author ada = author("ada");
		String book = book(ada, "Shared").get("id").asString();
		Author rea = person("rea", "reader");
		Api.Response added = ada.api()
			.post("/content/books/" + book + "/members", Map.of("userId", rea.id(), "role", "co-author"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);

		Api.Response written = rea.api()
			.post("/content/books/" + book + "/chapters", Map.of("title", "By rea", "content", "Words."));
		assertThat(written.status()).as("a co-author edits without the author role").isEqualTo(201);
		assertThat(rea.api().get("/content/books/" + book + "/export/markdown").status()).isEqualTo(200);
		assertProblem(rea.api().post("/content/books/" + book + "/generation/quote", OUTLINE), 403, "role-required");
	}

}
