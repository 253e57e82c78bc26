package io.authorworks.content.reading;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.content.author.AuthorNames;
import io.authorworks.content.book.Book;
import io.authorworks.content.publishing.PublishedWorks;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.Page;
import io.authorworks.content.text.Markdown;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.web.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Published books for anyone, signed in or not. Public books are listed; unlisted ones
 * are readable by id only; everything else does not exist here.
 */
@RestController
@RequestMapping("/content/public/books")
@PublicEndpoint
@Tag(name = "Reading", description = "Published books, readable without signing in")
class PublicReadingController {

	private static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic();

	private final PublishedWorks works;

	private final AuthorNames authors;

	PublicReadingController(PublishedWorks works, AuthorNames authors) {
		this.works = works;
		this.authors = authors;
	}

	@GetMapping
	@Operation(summary = "Published public books, newest first", description = "Filter by genre; cursor pagination.")
	Page<PublicBook> list(@RequestParam(required = false) @Nullable String genre,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		Page<Book> books = this.works.listed(cursor, Cursors.limit(limit),
				(genre != null) ? genre.toLowerCase(java.util.Locale.ROOT) : null);
		Map<UUID, String> names = this.authors.of(books.items().stream().map(Book::ownerId).toList());
		return books.map((book) -> PublicBook.of(book, names.get(book.ownerId()), null));
	}

	@GetMapping("/{bookId}")
	@Operation(summary = "A published book with its table of contents")
	ResponseEntity<PublicBook> book(@PathVariable UUID bookId) {
		Book book = published(bookId);
		List<Contents> contents = this.works.contents(bookId)
			.stream()
			.map((c) -> new Contents(c.number(), c.title(), c.wordCount(), c.publishedAt()))
			.toList();
		return ResponseEntity.ok()
			.cacheControl(CACHE)
			.body(PublicBook.of(book, this.authors.of(book.ownerId()).orElse(null), contents));
	}

	@GetMapping("/{bookId}/chapters/{number}")
	@Operation(summary = "A published chapter, as Markdown and as sanitized HTML")
	ResponseEntity<PublicChapter> chapter(@PathVariable UUID bookId, @PathVariable int number) {
		published(bookId);
		PublishedWorks.PublishedChapter chapter = this.works.chapter(bookId, number)
			.orElseThrow(() -> new NotFoundException("The book has no published chapter " + number + "."));
		int count = this.works.contents(bookId).size();
		return ResponseEntity.ok()
			.cacheControl(CACHE)
			.body(new PublicChapter(bookId, chapter.number(), chapter.title(), chapter.content(),
					Markdown.toHtml(chapter.content()), chapter.wordCount(), chapter.publishedAt(),
					(number > 1) ? number - 1 : null, (number < count) ? number + 1 : null));
	}

	private Book published(UUID bookId) {
		return this.works.book(bookId).orElseThrow(() -> new NotFoundException("There is no such published book."));
	}

	/**
	 * A published book as readers see it.
	 *
	 * @param id the book
	 * @param authorId who wrote it
	 * @param authorName their display name, when this service has learnt it
	 * @param title its title
	 * @param subtitle its subtitle
	 * @param description its blurb
	 * @param genres genres
	 * @param tags tags
	 * @param language BCP 47 language tag
	 * @param coverRef the cover's URL or storage key
	 * @param publishedAt when it was published
	 * @param contents the published chapters (only on the single-book answer)
	 */
	record PublicBook(UUID id, UUID authorId, @Nullable String authorName, String title, @Nullable String subtitle,
			@Nullable String description, List<String> genres, List<String> tags, String language,
			@Nullable String coverRef, @Nullable Instant publishedAt, @Nullable List<Contents> contents) {

		static PublicBook of(Book book, @Nullable String authorName, @Nullable List<Contents> contents) {
			return new PublicBook(book.id(), book.ownerId(), authorName, book.title(), book.subtitle(),
					book.description(), book.genres(), book.tags(), book.language(), book.coverRef(),
					book.publishedAt(), contents);
		}

	}

	/**
	 * An entry of the table of contents.
	 *
	 * @param number the chapter number to read it by
	 * @param title its title
	 * @param wordCount its words
	 * @param publishedAt when it was published
	 */
	record Contents(int number, String title, int wordCount, Instant publishedAt) {
	}

	/**
	 * A published chapter.
	 *
	 * @param bookId the book
	 * @param number its number
	 * @param title its title
	 * @param content its Markdown
	 * @param html its Markdown rendered to sanitized HTML
	 * @param wordCount its words
	 * @param publishedAt when it was published
	 * @param previous the number of the chapter before, if any
	 * @param next the number of the chapter after, if any
	 */
	record PublicChapter(UUID bookId, int number, String title, String content, String html, int wordCount,
			Instant publishedAt, @Nullable Integer previous, @Nullable Integer next) {
	}

}
