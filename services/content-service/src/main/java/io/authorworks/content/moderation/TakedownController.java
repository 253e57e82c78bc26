package io.authorworks.content.moderation;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.content.book.Book;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for published books. Only people with the {@code admin} role may use it;
 * everyone else gets a {@code 403 role-required} problem.
 */
@RestController
@RequestMapping("/content/admin/books")
@Tag(name = "Administration", description = "Taking published books down from readers, and restoring them")
class TakedownController {

	private final Takedowns takedowns;

	TakedownController(Takedowns takedowns) {
		this.takedowns = takedowns;
	}

	@GetMapping
	@Operation(summary = "Books readers can see, or books taken down",
			description = "takenDown=true lists taken-down books, most recently taken down first; otherwise the "
					+ "published books readers can see, most recently published first. Cursor pagination.")
	Page<AdminBook> list(Caller.User admin, @RequestParam(defaultValue = "false") boolean takenDown,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return this.takedowns.list(admin, takenDown, cursor, Cursors.limit(limit)).map(AdminBook::of);
	}

	@GetMapping("/{bookId}")
	@Operation(summary = "A book as an admin sees it")
	AdminBook find(Caller.User admin, @PathVariable UUID bookId) {
		return AdminBook.of(this.takedowns.find(admin, bookId));
	}

	@PostMapping("/{bookId}/takedown")
	@Operation(summary = "Take a published book down from readers",
			description = "Readers get 404 for it at once; its owner sees the reason and cannot publish it until it "
					+ "is restored. Taking down a book that is down already changes nothing.")
	AdminBook takeDown(Caller.User admin, @PathVariable UUID bookId, @RequestBody TakedownRequest request) {
		return AdminBook.of(this.takedowns.takeDown(admin, bookId, request.reason()));
	}

	@PostMapping("/{bookId}/restore")
	@Operation(summary = "Lift a takedown", description = "The book is back as it was before the takedown.")
	AdminBook restore(Caller.User admin, @PathVariable UUID bookId) {
		return AdminBook.of(this.takedowns.restore(admin, bookId));
	}

	/**
	 * Why a book is taken down.
	 *
	 * @param reason up to 500 characters, shown to the owner
	 */
	record TakedownRequest(@Nullable String reason) {
	}

	/**
	 * A book as an admin sees it: enough to judge and find it, not its manuscript.
	 *
	 * @param id the book
	 * @param ownerId its owner
	 * @param title its title
	 * @param status its status
	 * @param visibility public, unlisted or private
	 * @param publishedAt when it was published
	 * @param takenDownAt when it was taken down, while it is down
	 * @param takedownReason why
	 * @param updatedAt when it last changed
	 */
	record AdminBook(UUID id, UUID ownerId, String title, String status, String visibility,
			@Nullable Instant publishedAt, @Nullable Instant takenDownAt, @Nullable String takedownReason,
			Instant updatedAt) {

		static AdminBook of(Book book) {
			return new AdminBook(book.id(), book.ownerId(), book.title(), book.status(), book.visibility(),
					book.publishedAt(), book.takenDownAt(), book.takedownReason(), book.updatedAt());
		}

	}

}
