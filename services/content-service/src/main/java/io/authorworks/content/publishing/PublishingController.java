package io.authorworks.content.publishing;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.platform.core.ETags;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishing a book to readers and taking it back.
 */
@RestController
@RequestMapping("/content/books/{bookId}")
@Tag(name = "Publishing", description = "Make a book readable by anyone, or stop")
class PublishingController {

	private final Publishing publishing;

	PublishingController(Publishing publishing) {
		this.publishing = publishing;
	}

	@PostMapping("/publish")
	@Operation(summary = "Publish a book",
			description = "Readers get a snapshot of the chapters marked final (include=all: every chapter), numbered "
					+ "in book order; later edits stay private until you publish again. A private book must be "
					+ "published as public (listed) or unlisted (readable by link). Publishing again never takes "
					+ "chapters away from readers silently: 409 publish-removes-chapters, listing them in "
					+ "removedChapters, unless removeChapters is true. Owners and co-authors only.")
	ResponseEntity<PublishResponse> publish(Caller.User user, @PathVariable UUID bookId,
			@RequestBody(required = false) @Nullable PublishRequest request) {
		PublishRequest body = (request != null) ? request : new PublishRequest(null, null, null);
		Publishing.Published published = this.publishing.publish(user, bookId, body.include(), body.visibility(),
				Boolean.TRUE.equals(body.removeChapters()));
		return ResponseEntity.ok()
			.eTag(ETags.of(published.book().version()))
			.body(new PublishResponse(bookId, published.book().status(), published.book().visibility(),
					published.chapters(), published.wordCount(), published.book().publishedAt(),
					published.book().version()));
	}

	@PostMapping("/unpublish")
	@Operation(summary = "Take a book back from readers", description = "It returns to 'editing'.")
	@ApiResponse(responseCode = "204", description = "Readers no longer see it.")
	ResponseEntity<Void> unpublish(Caller.User user, @PathVariable UUID bookId) {
		this.publishing.unpublish(user, bookId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * What to publish.
	 *
	 * @param include {@code final} (default) or {@code all}
	 * @param visibility {@code public} or {@code unlisted}; the book's own when absent
	 * @param removeChapters {@code true} to take away chapters readers have that the new
	 * selection leaves out
	 */
	record PublishRequest(@Nullable String include, @Nullable String visibility, @Nullable Boolean removeChapters) {
	}

	/**
	 * The book as readers can now see it.
	 *
	 * @param bookId the book
	 * @param status {@code published}
	 * @param visibility public or unlisted
	 * @param chapters chapters readers can read
	 * @param wordCount words in them
	 * @param publishedAt when the book was first published
	 * @param version the book's version
	 */
	record PublishResponse(UUID bookId, String status, String visibility, int chapters, long wordCount,
			@Nullable Instant publishedAt, long version) {
	}

}
