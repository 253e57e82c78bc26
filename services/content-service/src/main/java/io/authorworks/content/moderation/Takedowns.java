package io.authorworks.content.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.authorworks.content.book.Book;
import io.authorworks.content.book.Books;
import io.authorworks.contracts.content.BookRestored;
import io.authorworks.contracts.content.BookTakenDown;
import io.authorworks.content.member.BookNotFoundException;
import io.authorworks.platform.core.Checks;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.events.Outbox;
import io.authorworks.platform.web.security.Caller;
import io.authorworks.platform.web.security.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins may do to published books: take one down (readers get {@code 404}, its
 * owner sees why and cannot publish it again), restore it, and list both kinds. Every
 * change is announced on {@code content.events}.
 */
@Service
class Takedowns {

	private final JdbcClient jdbc;

	private final Books books;

	private final Outbox outbox;

	Takedowns(JdbcClient jdbc, Books books, Outbox outbox) {
		this.jdbc = jdbc;
		this.books = books;
		this.outbox = outbox;
	}

	@Transactional
	Book takeDown(Caller.User admin, UUID bookId, @Nullable String reason) {
		admin.requireRole(Roles.ADMIN);
		Checks checks = new Checks();
		String why = checks.required("reason", reason, 500);
		checks.throwIfInvalid();
		java.util.Objects.requireNonNull(why);
		Book book = this.books.lock(bookId);
		if (book.takenDown()) {
			return book;
		}
		if (!book.published()) {
			throw new ProblemException(ProblemType.CONFLICT,
					"Only a published book can be taken down; this one is " + book.status() + ".");
		}
		Book down = this.books.markTakenDown(bookId, why, admin.id());
		this.outbox.publish(new BookTakenDown(bookId, down.ownerId(), why,
				millis(java.util.Objects.requireNonNull(down.takenDownAt()))));
		return down;
	}

	@Transactional
	Book restore(Caller.User admin, UUID bookId) {
		admin.requireRole(Roles.ADMIN);
		Book book = this.books.lock(bookId);
		if (!book.takenDown()) {
			return book;
		}
		Book restored = this.books.markRestored(bookId);
		this.outbox.publish(new BookRestored(bookId, restored.ownerId(), millis(Instant.now())));
		return restored;
	}

	Book find(Caller.User admin, UUID bookId) {
		admin.requireRole(Roles.ADMIN);
		return this.books.find(bookId).orElseThrow(BookNotFoundException::new);
	}

	/**
	 * Taken-down books, most recently taken down first; or, with {@code takenDown} false,
	 * the books readers can see now, most recently published first.
	 */
	Page<Book> list(Caller.User admin, boolean takenDown, @Nullable String cursor, int limit) {
		admin.requireRole(Roles.ADMIN);
		String sort = takenDown ? "taken-down" : "live";
		String key = takenDown ? "taken_down_at" : "published_at";
		Cursors.Keyset after = Cursors.keyset(cursor, sort, 2);
		Timestamp afterKey = (after != null) ? Timestamp.from(after.micros(0)) : null;
		UUID afterId = (after != null) ? after.uuid(1) : null;
		String which = takenDown ? "taken_down_at is not null"
				: "status = 'published' and visibility <> 'private' and taken_down_at is null";
		List<UUID> ids = this.jdbc.sql("select id from books where " + which + """
				 and (cast(:k as timestamptz) is null or (%1$s, id) < (cast(:k as timestamptz), cast(:id as uuid)))
				order by %1$s desc, id desc limit :limit
				""".formatted(key))
			.param("k", afterKey)
			.param("id", afterId)
			.param("limit", limit + 1)
			.query((rs, row) -> rs.getObject("id", UUID.class))
			.list();
		List<Book> found = ids.stream().map((id) -> this.books.find(id).orElseThrow()).toList();
		return Page.of(found, limit,
				(book) -> Cursors.encode(sort,
						Cursors.micros(
								java.util.Objects.requireNonNull(takenDown ? book.takenDownAt() : book.publishedAt())),
						book.id().toString()));
	}

	private static Instant millis(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

}
