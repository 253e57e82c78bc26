package io.authorworks.content.series;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.content.book.Book;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's series and the order of their books.
 */
@RestController
@RequestMapping("/content/series")
@Tag(name = "Series", description = "Ordered runs of your books, sharing a story bible")
class SeriesController {

	private final SeriesCatalog catalog;

	SeriesController(SeriesCatalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping
	@Operation(summary = "Start a series")
	@ApiResponse(responseCode = "201", description = "The series; `Location` names it.")
	ResponseEntity<SeriesResponse> create(Caller.User user, @RequestBody SeriesChanges request) {
		SeriesCatalog.Series series = this.catalog.create(user, request.title(), request.description());
		return ResponseEntity.created(URI.create("/content/series/" + series.id()))
			.eTag(ETags.of(series.version()))
			.body(SeriesResponse.of(series, List.of()));
	}

	@GetMapping
	@Operation(summary = "Your series, most recently changed first")
	Page<SeriesResponse> list(Caller.User user, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return this.catalog.list(user, cursor, Cursors.limit(limit))
			.map((s) -> SeriesResponse.of(s, this.catalog.booksOf(s.id())));
	}

	@GetMapping("/{seriesId}")
	@Operation(summary = "A series with its books in order")
	ResponseEntity<SeriesResponse> find(Caller.User user, @PathVariable UUID seriesId) {
		return respond(this.catalog.requireOwned(user, seriesId));
	}

	@PatchMapping("/{seriesId}")
	@Operation(summary = "Rename or describe a series", description = "Requires If-Match.")
	ResponseEntity<SeriesResponse> update(Caller.User user, @PathVariable UUID seriesId,
			@RequestBody SeriesChanges request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return respond(
				this.catalog.update(user, seriesId, request.title(), request.description(), ETags.ifMatch(ifMatch)));
	}

	@DeleteMapping("/{seriesId}")
	@Operation(summary = "Delete a series and its story bible",
			description = "Requires If-Match. Its books stay, outside any series.")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	ResponseEntity<Void> delete(Caller.User user, @PathVariable UUID seriesId,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.catalog.delete(user, seriesId, ETags.ifMatch(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{seriesId}/books/{bookId}")
	@Operation(summary = "Add one of your books to the end of a series")
	ResponseEntity<SeriesResponse> addBook(Caller.User user, @PathVariable UUID seriesId, @PathVariable UUID bookId) {
		return respond(this.catalog.addBook(user, seriesId, bookId));
	}

	@DeleteMapping("/{seriesId}/books/{bookId}")
	@Operation(summary = "Take a book out of a series", description = "Later books move up.")
	ResponseEntity<SeriesResponse> removeBook(Caller.User user, @PathVariable UUID seriesId,
			@PathVariable UUID bookId) {
		return respond(this.catalog.removeBook(user, seriesId, bookId));
	}

	@PostMapping("/{seriesId}/books/reorder")
	@Operation(summary = "Put a series' books in a new order", description = "Send every book id exactly once.")
	ResponseEntity<SeriesResponse> reorder(Caller.User user, @PathVariable UUID seriesId,
			@RequestBody ReorderRequest request) {
		return respond(this.catalog.reorder(user, seriesId, request.bookIds()));
	}

	private ResponseEntity<SeriesResponse> respond(SeriesCatalog.Series series) {
		return ResponseEntity.ok()
			.eTag(ETags.of(series.version()))
			.body(SeriesResponse.of(series, this.catalog.booksOf(series.id())));
	}

	/**
	 * A series with its books.
	 *
	 * @param id the series
	 * @param ownerId its owner
	 * @param title its title
	 * @param description its description
	 * @param books its books in order
	 * @param version the version its ETag carries
	 * @param createdAt when it was created
	 * @param updatedAt when it last changed
	 */
	record SeriesResponse(UUID id, UUID ownerId, String title, @Nullable String description, List<SeriesBook> books,
			long version, Instant createdAt, Instant updatedAt) {

		static SeriesResponse of(SeriesCatalog.Series s, List<Book> books) {
			return new SeriesResponse(s.id(), s.ownerId(), s.title(), s.description(),
					books.stream()
						.map((b) -> new SeriesBook(b.id(), b.title(), b.seriesPosition(), b.status(), b.wordCount()))
						.toList(),
					s.version(), s.createdAt(), s.updatedAt());
		}

	}

	/**
	 * A book in a series.
	 *
	 * @param id the book
	 * @param title its title
	 * @param position its place in the series
	 * @param status its status
	 * @param wordCount its words
	 */
	record SeriesBook(UUID id, String title, @Nullable Integer position, String status, long wordCount) {
	}

	/**
	 * A new series, or changes to one.
	 *
	 * @param title 1 to 200 characters
	 * @param description up to 5,000 characters; empty clears it
	 */
	record SeriesChanges(@Nullable String title, @Nullable String description) {
	}

	/**
	 * A new order of a series' books.
	 *
	 * @param bookIds every book id of the series, once each
	 */
	record ReorderRequest(@Nullable List<UUID> bookIds) {
	}

}
