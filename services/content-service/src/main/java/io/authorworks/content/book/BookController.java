package io.authorworks.content.book;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.ETags;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's books.
 */
@RestController
@RequestMapping("/content/books")
@Tag(name = "Books", description = "Books you own or that are shared with you")
class BookController {

	private final BookCatalog catalog;

	BookController(BookCatalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping
	@Operation(summary = "Start a book", description = "You become its owner. It starts private and in draft.")
	@ApiResponse(responseCode = "201", description = "The book; `Location` names it.")
	ResponseEntity<BookResponse> create(Caller.User user, @RequestBody BookChanges request) {
		Book book = this.catalog.create(user, request);
		return ResponseEntity.created(URI.create("/content/books/" + book.id()))
			.eTag(ETags.of(book.version()))
			.body(BookResponse.of(book, "owner"));
	}

	@GetMapping
	@Operation(summary = "Your bookshelf: books you own or that are shared with you",
			description = "Sort by updatedAt, createdAt or title, '-' for descending (default -updatedAt); filter by "
					+ "status; cursor pagination.")
	Page<BookResponse> list(Caller.User user, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return this.catalog.shelf(user, status, sort, cursor, Cursors.limit(limit)).map(BookResponse::of);
	}

	@GetMapping("/{bookId}")
	@Operation(summary = "A book", description = "The ETag versions the book's own details, for If-Match.")
	ResponseEntity<BookResponse> find(Caller.User user, @PathVariable UUID bookId) {
		BookCatalog.Shelved shelved = this.catalog.find(user, bookId);
		return ResponseEntity.ok().eTag(ETags.of(shelved.book().version())).body(BookResponse.of(shelved));
	}

	@PatchMapping("/{bookId}")
	@Operation(summary = "Change a book's details",
			description = "Requires If-Match. Absent fields stay as they are; an empty string clears an optional text. "
					+ "Visibility and archiving are the owner's; publishing has its own endpoint.")
	ResponseEntity<BookResponse> update(Caller.User user, @PathVariable UUID bookId, @RequestBody BookChanges request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		BookCatalog.Shelved shelved = this.catalog.update(user, bookId, request, ETags.ifMatch(ifMatch));
		return ResponseEntity.ok().eTag(ETags.of(shelved.book().version())).body(BookResponse.of(shelved));
	}

	@DeleteMapping("/{bookId}")
	@Operation(summary = "Delete a book with its chapters, revisions and story bible",
			description = "Owner only; requires If-Match.")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	ResponseEntity<Void> delete(Caller.User user, @PathVariable UUID bookId,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.catalog.delete(user, bookId, ETags.ifMatch(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/**
	 * A book as the API shows it to its members.
	 *
	 * @param id the book
	 * @param ownerId its owner
	 * @param title the title
	 * @param subtitle the subtitle
	 * @param description the blurb
	 * @param genres genres
	 * @param tags tags
	 * @param language BCP 47 language tag
	 * @param status draft, writing, editing, published or archived
	 * @param visibility private, unlisted or public
	 * @param seriesId the series it belongs to
	 * @param seriesPosition its place in the series
	 * @param coverRef the cover's URL or storage key
	 * @param wordCount words in all chapters
	 * @param publishedAt when it was published
	 * @param takenDownAt when an admin took it down from readers (absent unless it is
	 * down)
	 * @param takedownReason the admin's reason
	 * @param role the caller's role in it
	 * @param version the version its ETag carries
	 * @param createdAt when it was created
	 * @param updatedAt when it or a chapter last changed
	 */
	record BookResponse(UUID id, UUID ownerId, String title, @Nullable String subtitle, @Nullable String description,
			List<String> genres, List<String> tags, String language, String status, String visibility,
			@Nullable UUID seriesId, @Nullable Integer seriesPosition, @Nullable String coverRef, long wordCount,
			@Nullable Instant publishedAt, @Nullable Instant takenDownAt, @Nullable String takedownReason,
			@Nullable String role, long version, Instant createdAt, Instant updatedAt) {

		static BookResponse of(BookCatalog.Shelved shelved) {
			return of(shelved.book(), (shelved.role() != null) ? shelved.role().value() : null);
		}

		static BookResponse of(Book book, @Nullable String role) {
			return new BookResponse(book.id(), book.ownerId(), book.title(), book.subtitle(), book.description(),
					book.genres(), book.tags(), book.language(), book.status(), book.visibility(), book.seriesId(),
					book.seriesPosition(), book.coverRef(), book.wordCount(), book.publishedAt(), book.takenDownAt(),
					book.takedownReason(), role, book.version(), book.createdAt(), book.updatedAt());
		}

	}

}
