package io.authorworks.content.series;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.authorworks.content.book.Book;
import io.authorworks.content.book.Books;
import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.Permission;
import io.authorworks.content.support.Titles;
import io.authorworks.platform.core.Checks;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.ETags;
import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.web.security.Caller;
import io.authorworks.platform.web.security.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An author's series and the order of their books. A series is its owner's alone: anyone
 * else is told it does not exist. Only books the owner manages can join it.
 */
@Service
public class SeriesCatalog {

	static final int MAX_BOOKS = 200;

	private final JdbcClient jdbc;

	private final Books books;

	private final BookAccess access;

	SeriesCatalog(JdbcClient jdbc, Books books, BookAccess access) {
		this.jdbc = jdbc;
		this.books = books;
		this.access = access;
	}

	/** The series if the user owns it; otherwise a {@code 404}. */
	public Series requireOwned(Caller.User user, UUID seriesId) {
		return find(seriesId).filter((s) -> s.ownerId().equals(user.id())).orElseThrow(SeriesNotFoundException::new);
	}

	@Transactional
	Series create(Caller.User user, @Nullable String title, @Nullable String description) {
		user.requireRole(Roles.AUTHOR);
		Checks checks = new Checks();
		String checkedTitle = checks.required("title", title, Titles.MAX_LENGTH);
		String checkedDescription = checks.optional("description", description, 5000);
		checks.throwIfInvalid();
		UUID id = Ids.newId();
		this.jdbc
			.sql("insert into series (id, owner_id, title, description) values (:id, :owner, :title, :description)")
			.param("id", id)
			.param("owner", user.id())
			.param("title", checkedTitle)
			.param("description", emptyToNull(checkedDescription))
			.update();
		return find(id).orElseThrow();
	}

	Page<Series> list(Caller.User user, @Nullable String cursor, int limit) {
		Cursors.Keyset after = Cursors.keyset(cursor, "series", 2);
		java.sql.Timestamp key = (after != null) ? java.sql.Timestamp.from(after.micros(0)) : null;
		UUID afterId = (after != null) ? after.uuid(1) : null;
		List<Series> found = this.jdbc.sql("""
				select id, owner_id, title, description, version, created_at, updated_at from series
				where owner_id = :owner and (cast(:k as timestamptz) is null
				      or (updated_at, id) < (cast(:k as timestamptz), cast(:id as uuid)))
				order by updated_at desc, id desc limit :limit
				""")
			.param("owner", user.id())
			.param("k", key)
			.param("id", afterId)
			.param("limit", limit + 1)
			.query(SeriesCatalog::series)
			.list();
		return Page.of(found, limit, (s) -> Cursors.encode("series", Cursors.micros(s.updatedAt()), s.id().toString()));
	}

	List<Book> booksOf(UUID seriesId) {
		List<UUID> ids = this.jdbc.sql("select id from books where series_id = :series order by series_position")
			.param("series", seriesId)
			.query((rs, row) -> rs.getObject("id", UUID.class))
			.list();
		return ids.stream().map((id) -> this.books.find(id).orElseThrow()).toList();
	}

	@Transactional
	Series update(Caller.User user, UUID seriesId, @Nullable String title, @Nullable String description,
			ETags.Precondition precondition) {
		Checks checks = new Checks();
		String checkedTitle = (title != null) ? checks.required("title", title, Titles.MAX_LENGTH) : null;
		String checkedDescription = checks.optional("description", description, 5000);
		checks.throwIfInvalid();
		Series series = lock(user, seriesId);
		precondition.require(series.version(), "series");
		String newTitle = (checkedTitle != null) ? checkedTitle : series.title();
		String newDescription = (checkedDescription != null) ? emptyToNull(checkedDescription) : series.description();
		if (newTitle.equals(series.title()) && java.util.Objects.equals(newDescription, series.description())) {
			return series;
		}
		this.jdbc.sql("""
				update series set title = :title, description = :description, version = version + 1,
				       updated_at = now() where id = :id
				""").param("title", newTitle).param("description", newDescription).param("id", seriesId).update();
		return find(seriesId).orElseThrow();
	}

	@Transactional
	void delete(Caller.User user, UUID seriesId, ETags.Precondition precondition) {
		Series series = lock(user, seriesId);
		precondition.require(series.version(), "series");
		for (Book book : booksOf(seriesId)) {
			this.books.placeInSeries(book.id(), null, null);
		}
		this.jdbc.sql("delete from series where id = :id").param("id", seriesId).update();
	}

	@Transactional
	Series addBook(Caller.User user, UUID seriesId, UUID bookId) {
		Series series = lock(user, seriesId);
		this.access.require(user, bookId, Permission.MANAGE);
		Book book = this.books.lock(bookId);
		if (seriesId.equals(book.seriesId())) {
			return series;
		}
		if (!book.ownerId().equals(user.id())) {
			throw new InvalidRequestException("bookId", "Only books you own can join your series.");
		}
		if (book.seriesId() != null) {
			throw new InvalidRequestException("bookId", "The book is in another series; take it out of that first.");
		}
		List<Book> current = booksOf(seriesId);
		if (current.size() >= MAX_BOOKS) {
			throw new InvalidRequestException("bookId", "A series can hold at most " + MAX_BOOKS + " books.");
		}
		this.books.placeInSeries(bookId, seriesId, current.size() + 1);
		return touch(seriesId);
	}

	@Transactional
	Series removeBook(Caller.User user, UUID seriesId, UUID bookId) {
		lock(user, seriesId);
		List<Book> current = booksOf(seriesId);
		if (current.stream().noneMatch((b) -> b.id().equals(bookId))) {
			throw new NotFoundException("The book is not in this series.");
		}
		this.books.placeInSeries(bookId, null, null);
		int position = 1;
		for (Book book : current) {
			if (!book.id().equals(bookId)) {
				this.books.placeInSeries(book.id(), seriesId, position++);
			}
		}
		return touch(seriesId);
	}

	@Transactional
	Series reorder(Caller.User user, UUID seriesId, @Nullable List<UUID> order) {
		lock(user, seriesId);
		List<UUID> current = booksOf(seriesId).stream().map(Book::id).toList();
		Checks checks = new Checks();
		if (order == null) {
			checks.add("bookIds", "Required: every book id of the series, in the new order.");
		}
		else {
			Set<UUID> seen = new HashSet<>();
			for (int i = 0; i < order.size(); i++) {
				if (order.get(i) == null || !current.contains(order.get(i)) || !seen.add(order.get(i))) {
					checks.add("bookIds[" + i + "]", "Not a book of this series, or named twice.");
				}
			}
			if (checks.valid() && seen.size() != current.size()) {
				checks.add("bookIds", "Name all " + current.size() + " books of the series.");
			}
		}
		checks.throwIfInvalid();
		List<UUID> ordered = new ArrayList<>(order);
		for (int i = 0; i < ordered.size(); i++) {
			this.books.placeInSeries(ordered.get(i), seriesId, i + 1);
		}
		return touch(seriesId);
	}

	private Series touch(UUID seriesId) {
		this.jdbc.sql("update series set version = version + 1, updated_at = now() where id = :id")
			.param("id", seriesId)
			.update();
		return find(seriesId).orElseThrow();
	}

	private Series lock(Caller.User user, UUID seriesId) {
		Series series = this.jdbc.sql("""
				select id, owner_id, title, description, version, created_at, updated_at from series
				where id = :id for update
				""")
			.param("id", seriesId)
			.query(SeriesCatalog::series)
			.optional()
			.orElseThrow(SeriesNotFoundException::new);
		if (!series.ownerId().equals(user.id())) {
			throw new SeriesNotFoundException();
		}
		return series;
	}

	java.util.Optional<Series> find(UUID seriesId) {
		return this.jdbc.sql("""
				select id, owner_id, title, description, version, created_at, updated_at from series where id = :id
				""").param("id", seriesId).query(SeriesCatalog::series).optional();
	}

	private static Series series(ResultSet rs, int row) throws SQLException {
		return new Series(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("title"),
				rs.getString("description"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * A series as stored.
	 *
	 * @param id the series
	 * @param ownerId its owner
	 * @param title its title
	 * @param description its description
	 * @param version bumped by every change, including to its books and their order
	 * @param createdAt when it was created
	 * @param updatedAt when it last changed
	 */
	public record Series(UUID id, UUID ownerId, String title, @Nullable String description, long version,
			Instant createdAt, Instant updatedAt) {
	}

	/** The series does not exist, or is not the caller's. */
	static class SeriesNotFoundException extends NotFoundException {

		SeriesNotFoundException() {
			super("There is no such series.");
		}

	}

}
