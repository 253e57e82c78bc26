package io.authorworks.content.book;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.authorworks.content.member.BookNotFoundException;
import io.authorworks.content.member.Role;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.core.Violation;
import io.authorworks.platform.test.SignedIn;
import io.authorworks.platform.web.security.Caller;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP contract of {@link BookController}, with the catalog mocked: statuses,
 * headers, JSON shape and problems, without PostgreSQL.
 */
@WebMvcTest(BookController.class)
class BookControllerTests {

	private static final UUID ADA = UUID.fromString("6f1c8a52-3f0e-4d8e-9a43-0c2b1f7e9d11");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	BookCatalog catalog;

	@Test
	void startingABookAnswers201WithLocationETagAndTheBook() {
		Book book = book("Dune", 1);
		given(this.catalog.create(any(), any())).willReturn(book);

		MvcTestResult result = this.mvc.post()
			.uri("/content/books")
			.with(SignedIn.user(ADA, "ada", "reader", "author"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Dune\",\"genres\":[\"scifi\"]}")
			.exchange();

		assertThat(result).hasStatus(201)
			.hasHeader("Location", "/content/books/" + book.id())
			.hasHeader("ETag", "\"1\"")
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$")
			.asMap()
			.containsOnlyKeys("id", "ownerId", "title", "subtitle", "description", "genres", "tags", "language",
					"status", "visibility", "seriesId", "seriesPosition", "coverRef", "wordCount", "publishedAt",
					"takenDownAt", "takedownReason", "role", "version", "createdAt", "updatedAt");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Dune");
		assertThat(result).bodyJson().extractingPath("$.role").isEqualTo("owner");
		assertThat(result).bodyJson().extractingPath("$.createdAt").isEqualTo("2026-03-01T10:15:30Z");
		verify(this.catalog).create(
				eq(new Caller.User(ADA, "ada", java.util.Set.of("reader", "author"), java.util.Set.of("openid"))),
				eq(new BookChanges("Dune", null, null, List.of("scifi"), null, null, null, null, null)));
	}

	@Test
	void withoutATokenNothingIsTouched() {
		MvcTestResult result = this.mvc.post()
			.uri("/content/books")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Dune\"}")
			.exchange();

		assertProblem(result, 401, "unauthenticated");
		assertThat(result).containsHeader("WWW-Authenticate");
		verifyNoInteractions(this.catalog);
	}

	@Test
	void aBodyWithAFieldTheApiDoesNotKnowIsRefused() {
		MvcTestResult result = this.mvc.post()
			.uri("/content/books")
			.with(SignedIn.user(ADA, "ada", "author"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"titel\":\"Dune\"}")
			.exchange();

		assertThat(result).hasStatus4xxClientError().hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("titel");
		verifyNoInteractions(this.catalog);
	}

	@Test
	void invalidFieldsAreOne422ListingThemAll() {
		given(this.catalog.create(any(), any()))
			.willThrow(new InvalidRequestException(List.of(new Violation("title", "Required; use 1 to 200 characters."),
					new Violation("language", "Use a language tag such as 'en', 'en-GB' or 'pt-BR'."))));

		MvcTestResult result = this.mvc.post()
			.uri("/content/books")
			.with(SignedIn.user(ADA, "ada", "author"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"\",\"language\":\"klingon!\"}")
			.exchange();

		assertProblem(result, 422, "validation-failed");
		assertThat(result).bodyJson()
			.extractingPath("$.violations[*].field")
			.asArray()
			.containsExactly("title", "language");
	}

	@Test
	void theShelfIsAPageWithACursorForTheNext() {
		String next = Cursors.encode("books-updatedAt", "1", UUID.randomUUID().toString());
		given(this.catalog.shelf(any(), isNull(), isNull(), isNull(), eq(2)))
			.willReturn(new Page<>(List.of(new BookCatalog.Shelved(book("Dune", 3), Role.OWNER)), next));

		MvcTestResult result = this.mvc.get()
			.uri("/content/books?limit=2")
			.with(SignedIn.user(ADA, "ada", "reader"))
			.exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$").asMap().containsOnlyKeys("items", "nextCursor");
		assertThat(result).bodyJson().extractingPath("$.items[0].title").isEqualTo("Dune");
		assertThat(result).bodyJson().extractingPath("$.items[0].role").isEqualTo("owner");
		assertThat(result).bodyJson().extractingPath("$.nextCursor").isEqualTo(next);
	}

	@Test
	void aLimitOutsideTheConventionsIsABadRequest() {
		MvcTestResult result = this.mvc.get()
			.uri("/content/books?limit=500")
			.with(SignedIn.user(ADA, "ada", "reader"))
			.exchange();

		assertProblem(result, 400, "bad-request");
		verify(this.catalog, never()).shelf(any(), any(), any(), any(), anyInt());
	}

	@Test
	void aBookTheCallerCannotSeeIs404AndAMalformedIdIs400() {
		UUID missing = UUID.randomUUID();
		given(this.catalog.find(any(), eq(missing))).willThrow(new BookNotFoundException());

		assertProblem(this.mvc.get().uri("/content/books/" + missing).with(SignedIn.user(ADA, "ada")).exchange(), 404,
				"not-found");
		assertProblem(this.mvc.get().uri("/content/books/not-a-uuid").with(SignedIn.user(ADA, "ada")).exchange(), 400,
				"bad-request");
	}

	@Test
	void deletingAnswers204WithoutABody() {
		MvcTestResult result = this.mvc.delete()
			.uri("/content/books/" + UUID.randomUUID())
			.with(SignedIn.user(ADA, "ada", "author"))
			.header("If-Match", "\"4\"")
			.exchange();

		assertThat(result).hasStatus(204);
		assertThat(result.getResponse().getContentLength()).isZero();
	}

	static void assertProblem(MvcTestResult result, int status, String slug) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://authorworks.dev/problems/" + slug);
		assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(status);
	}

	private static Book book(String title, long version) {
		Instant at = Instant.parse("2026-03-01T10:15:30Z");
		// Every optional field set, so the JSON shows them all: absent values are left
		// out.
		return new Book(UUID.randomUUID(), ADA, title, "A novel", "Spice.", List.of("scifi"), List.of("desert"), "en",
				"published", "public", UUID.randomUUID(), 1, "covers/dune.png", 0, at, at, "Reported", version, at, at);
	}

}
