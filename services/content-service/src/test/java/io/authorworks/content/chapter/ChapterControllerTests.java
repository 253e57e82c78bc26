package io.authorworks.content.chapter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.ETags;
import io.authorworks.platform.test.SignedIn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP contract of {@link ChapterController}, with the editing service mocked:
 * pagination, the two ways to autosave, and the problems for what it refuses.
 */
@WebMvcTest(ChapterController.class)
class ChapterControllerTests {

	private static final UUID BOOK = UUID.fromString("0b7e3f3c-59a4-4c47-8f0e-2f5d6c1a9b01");

	private static final RequestPostProcessor AUTHOR = SignedIn.user(UUID.randomUUID(), "ada", "author");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ChapterEditing editing;

	@Test
	void aPageEndsWithACursorThatContinuesAfterItsLastChapter() throws Exception {
		given(this.editing.page(any(), eq(BOOK), eq(0), eq(3)))
			.willReturn(List.of(chapter(1, "One"), chapter(2, "Two"), chapter(3, "Three")));

		MvcTestResult first = this.mvc.get()
			.uri("/content/books/{book}/chapters?limit=2", BOOK)
			.with(AUTHOR)
			.exchange();

		assertThat(first).hasStatusOk();
		assertThat(first).bodyJson().extractingPath("$.items[*].title").asArray().containsExactly("One", "Two");
		assertThat(first).bodyJson()
			.extractingPath("$.items[0]")
			.asMap()
			.containsOnlyKeys("id", "position", "title", "wordCount", "status", "publishedAt", "version", "createdAt",
					"updatedAt");
		String next = JsonPath.read(first.getResponse().getContentAsString(), "$.nextCursor");

		this.mvc.get()
			.uri("/content/books/{book}/chapters?limit=2&cursor={cursor}", BOOK, next)
			.with(AUTHOR)
			.exchange();

		verify(this.editing).page(any(), eq(BOOK), eq(2), eq(3));
	}

	@Test
	void aCursorFromAnotherListingIsABadRequest() {
		String foreign = Cursors.encode("revisions", "2");

		MvcTestResult result = this.mvc.get()
			.uri("/content/books/{book}/chapters?cursor={cursor}", BOOK, foreign)
			.with(AUTHOR)
			.exchange();

		assertProblem(result, 400, "bad-request");
		verify(this.editing, never()).page(any(), any(), anyInt(), anyInt());
	}

	@Test
	void addingAChapterAnswers201WithItsLocation() {
		Chapter chapter = chapter(4, "Four");
		given(this.editing.create(any(), eq(BOOK), eq("Four"), eq("# Four"), eq(null), eq(null))).willReturn(chapter);

		MvcTestResult result = this.mvc.post()
			.uri("/content/books/{book}/chapters", BOOK)
			.with(AUTHOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Four\",\"content\":\"# Four\"}")
			.exchange();

		assertThat(result).hasStatus(201)
			.hasHeader("Location", "/content/books/" + BOOK + "/chapters/" + chapter.id())
			.hasHeader("ETag", "\"7.912\"");
		assertThat(result).bodyJson().extractingPath("$.content").isEqualTo("# Four");
	}

	@Test
	void theTextCanBeSavedAsJsonOrAsRawMarkdown() {
		Chapter saved = chapter(1, "One");
		given(this.editing.saveContent(any(), eq(BOOK), eq(saved.id()), any(), any())).willReturn(saved);

		MvcTestResult json = this.mvc.put()
			.uri("/content/books/{book}/chapters/{chapter}/content", BOOK, saved.id())
			.with(AUTHOR)
			.header("If-Match", "\"6\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"content\":\"Call me *Ishmael*.\"}")
			.exchange();
		MvcTestResult raw = this.mvc.put()
			.uri("/content/books/{book}/chapters/{chapter}/content", BOOK, saved.id())
			.with(AUTHOR)
			.header("If-Match", "\"6\"")
			.contentType("text/markdown")
			.content("Call me *Ishmael*.")
			.exchange();

		assertThat(json).hasStatusOk().hasHeader("ETag", "\"7.912\"");
		assertThat(raw).hasStatusOk().hasHeader("ETag", "\"7.912\"");
		verify(this.editing, times(2)).saveContent(any(), eq(BOOK), eq(saved.id()), eq("Call me *Ishmael*."),
				eq(ETags.ifMatch("\"6\"")));
	}

	@Test
	void textInAFormatItDoesNotTakeIs415() {
		MvcTestResult result = this.mvc.put()
			.uri("/content/books/{book}/chapters/{chapter}/content", BOOK, UUID.randomUUID())
			.with(AUTHOR)
			.contentType(MediaType.APPLICATION_XML)
			.content("<p>Call me Ishmael.</p>")
			.exchange();

		assertProblem(result, 415, "unsupported-media-type");
		verifyNoInteractions(this.editing);
	}

	@Test
	void readingChaptersNeedsAToken() {
		assertProblem(this.mvc.get().uri("/content/books/{book}/chapters", BOOK).exchange(), 401, "unauthenticated");
		verifyNoInteractions(this.editing);
	}

	private static void assertProblem(MvcTestResult result, int status, String slug) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://authorworks.dev/problems/" + slug);
	}

	private static Chapter chapter(int position, String title) {
		Instant at = Instant.parse("2026-03-01T10:15:30Z");
		return new Chapter(UUID.randomUUID(), BOOK, position, title, "# " + title, 2, "draft", at, 7, at, at, 912);
	}

}
