package io.authorworks.content.chapter;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.ETags;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * A book's chapters.
 */
@RestController
@RequestMapping("/content/books/{bookId}/chapters")
@Tag(name = "Chapters", description = "Chapters, their text, status and order")
class ChapterController {

	/**
	 * A browser may keep a chapter but asks each time whether it is still current (a 304
	 * costs no text); no shared cache keeps it.
	 */
	private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

	private final ChapterEditing editing;

	ChapterController(ChapterEditing editing) {
		this.editing = editing;
	}

	@GetMapping
	@Operation(summary = "A book's chapters in order, without their text")
	Page<ChapterSummary> list(Caller.User user, @PathVariable UUID bookId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		int size = Cursors.limit(limit);
		Cursors.Keyset after = Cursors.keyset(cursor, "chapters", 1);
		int afterPosition = (after != null) ? after.integer(0) : 0;
		List<Chapter> found = this.editing.page(user, bookId, afterPosition, size + 1);
		return Page.of(found, size, (c) -> Cursors.encode("chapters", String.valueOf(c.position())))
			.map(ChapterSummary::of);
	}

	@PostMapping
	@Operation(summary = "Add a chapter",
			description = "At the end, or at 'position' (1..n+1), moving later chapters down. The title defaults to "
					+ "'Chapter <n>'.")
	@ApiResponse(responseCode = "201", description = "The chapter; `Location` names it.")
	ResponseEntity<ChapterResponse> create(Caller.User user, @PathVariable UUID bookId,
			@RequestBody NewChapterRequest request) {
		Chapter chapter = this.editing.create(user, bookId, request.title(), request.content(), request.status(),
				request.position());
		return ResponseEntity.created(URI.create("/content/books/" + bookId + "/chapters/" + chapter.id()))
			.eTag(chapter.etag())
			.body(ChapterResponse.of(chapter));
	}

	@GetMapping("/{chapterId}")
	@Operation(summary = "A chapter with its Markdown",
			description = "The ETag changes with anything in the answer; its version part (before the dot) with title, "
					+ "text and status, which is what If-Match compares. Send If-None-Match with it to be answered 304 "
					+ "when nothing changed.")
	@ApiResponse(responseCode = "200", description = "The chapter.")
	@ApiResponse(responseCode = "304", description = "Not modified: the ETag sent in If-None-Match is current.",
			content = @Content)
	ResponseEntity<ChapterResponse> find(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		ETags.NoneMatch known = ETags.ifNoneMatch(ifNoneMatch);
		if (known != null) {
			// The tag alone, with the access check, so an unchanged chapter is never
			// read.
			String current = this.editing.etag(user, bookId, chapterId);
			if (known.matches(current)) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(current).cacheControl(REVALIDATE).build();
			}
		}
		Chapter chapter = this.editing.find(user, bookId, chapterId);
		return ResponseEntity.ok().eTag(chapter.etag()).cacheControl(REVALIDATE).body(ChapterResponse.of(chapter));
	}

	@PatchMapping("/{chapterId}")
	@Operation(summary = "Rename a chapter or change its status", description = "Requires If-Match.")
	ResponseEntity<ChapterResponse> update(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestBody ChapterChanges request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return respond(this.editing.update(user, bookId, chapterId, request.title(), request.status(),
				ETags.ifMatch(ifMatch)));
	}

	@PutMapping(path = "/{chapterId}/content", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Save a chapter's Markdown (autosave)",
			description = "Requires If-Match; 412 when someone saved in between. Each save keeps a revision.")
	ResponseEntity<ChapterResponse> save(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestBody ContentRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return respond(this.editing.saveContent(user, bookId, chapterId, request.content(), ETags.ifMatch(ifMatch)));
	}

	@PutMapping(path = "/{chapterId}/content", consumes = { "text/markdown", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Save a chapter's Markdown sent as the raw body (autosave)",
			description = "As the JSON form, for clients that would rather not wrap the text.")
	ResponseEntity<ChapterResponse> saveRaw(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestBody(required = false) @Nullable String content,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return respond(this.editing.saveContent(user, bookId, chapterId, (content != null) ? content : "",
				ETags.ifMatch(ifMatch)));
	}

	@DeleteMapping("/{chapterId}")
	@Operation(summary = "Delete a chapter", description = "Requires If-Match. Later chapters move up.")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	ResponseEntity<Void> delete(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.editing.delete(user, bookId, chapterId, ETags.ifMatch(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/reorder")
	@Operation(summary = "Put the chapters in a new order",
			description = "Send every chapter id exactly once, in the new order. Concurrent reorders are applied one "
					+ "after another; positions stay 1..n.")
	ReorderResponse reorder(Caller.User user, @PathVariable UUID bookId, @RequestBody ReorderRequest request) {
		return new ReorderResponse(this.editing.reorder(user, bookId, request.chapterIds()));
	}

	@PostMapping("/{chapterId}/move")
	@Operation(summary = "Move one chapter to a position", description = "The chapters in between shift by one.")
	ChapterSummary move(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestBody MoveRequest request) {
		return ChapterSummary.of(this.editing.move(user, bookId, chapterId, request.position()));
	}

	@PostMapping("/{chapterId}/revisions/{number}/restore")
	@Operation(summary = "Restore a chapter to an earlier revision",
			description = "Makes a new revision with the old title and text, so nothing is lost. If-Match is checked "
					+ "when sent.")
	ResponseEntity<ChapterResponse> restore(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@PathVariable int number, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return respond(this.editing.restore(user, bookId, chapterId, number, ETags.ifMatch(ifMatch)));
	}

	private static ResponseEntity<ChapterResponse> respond(Chapter chapter) {
		return ResponseEntity.ok().eTag(chapter.etag()).body(ChapterResponse.of(chapter));
	}

	/**
	 * A chapter with its text.
	 *
	 * @param id the chapter
	 * @param bookId its book
	 * @param position its place, 1..n
	 * @param title its title
	 * @param content its Markdown
	 * @param wordCount its words
	 * @param status draft, revising or final
	 * @param publishedAt when its published text was published
	 * @param version the version its ETag carries
	 * @param createdAt when it was created
	 * @param updatedAt when it last changed
	 */
	record ChapterResponse(UUID id, UUID bookId, int position, String title, String content, int wordCount,
			String status, @Nullable Instant publishedAt, long version, Instant createdAt, Instant updatedAt) {

		static ChapterResponse of(Chapter c) {
			return new ChapterResponse(c.id(), c.bookId(), c.position(), c.title(), c.content(), c.wordCount(),
					c.status(), c.publishedAt(), c.version(), c.createdAt(), c.updatedAt());
		}

	}

	/**
	 * A chapter without its text.
	 *
	 * @param id the chapter
	 * @param position its place, 1..n
	 * @param title its title
	 * @param wordCount its words
	 * @param status draft, revising or final
	 * @param publishedAt when its published text was published
	 * @param version its version
	 * @param createdAt when it was created
	 * @param updatedAt when it last changed
	 */
	record ChapterSummary(UUID id, int position, String title, int wordCount, String status,
			@Nullable Instant publishedAt, long version, Instant createdAt, Instant updatedAt) {

		static ChapterSummary of(Chapter c) {
			return new ChapterSummary(c.id(), c.position(), c.title(), c.wordCount(), c.status(), c.publishedAt(),
					c.version(), c.createdAt(), c.updatedAt());
		}

	}

	/**
	 * A new chapter.
	 *
	 * @param title 1 to 200 characters; 'Chapter n' when absent
	 * @param content its Markdown
	 * @param status draft (default), revising or final
	 * @param position where to put it, 1..n+1; the end when absent
	 */
	record NewChapterRequest(@Nullable String title, @Nullable String content, @Nullable String status,
			@Nullable Integer position) {
	}

	/**
	 * Changes to a chapter's title or status.
	 *
	 * @param title 1 to 200 characters
	 * @param status draft, revising or final
	 */
	record ChapterChanges(@Nullable String title, @Nullable String status) {
	}

	/**
	 * A chapter's new text.
	 *
	 * @param content its Markdown; may be empty
	 */
	record ContentRequest(@Nullable String content) {
	}

	/**
	 * A new chapter order.
	 *
	 * @param chapterIds every chapter id of the book, once each
	 */
	record ReorderRequest(@Nullable List<UUID> chapterIds) {
	}

	/**
	 * The order now.
	 *
	 * @param chapterIds the chapter ids in order
	 */
	record ReorderResponse(List<UUID> chapterIds) {
	}

	/**
	 * Where to move a chapter.
	 *
	 * @param position the new place, 1..n
	 */
	record MoveRequest(@Nullable Integer position) {
	}

}
