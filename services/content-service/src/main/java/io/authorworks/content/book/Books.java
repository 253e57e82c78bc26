package io.authorworks.content.book;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.contracts.content.BookUpdated;
import io.authorworks.content.member.BookNotFoundException;
import io.authorworks.platform.events.Outbox;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code books} table, for the book feature and for the features that change a book
 * as a side effect (chapters keep its word count; publishing and series change its status
 * and place). Callers check access first; these methods do not.
 */
@Repository
public class Books {

	static final String COLUMNS = """
			b.id, b.owner_id, b.title, b.subtitle, b.description, b.genres, b.tags, b.language, b.status,
			b.visibility, b.series_id, b.series_position, b.cover_ref, b.word_count, b.published_at,
			b.taken_down_at, b.takedown_reason, b.version, b.created_at, b.updated_at""";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	Books(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	public Optional<Book> find(UUID bookId) {
		return this.jdbc.sql("select " + COLUMNS + " from books b where b.id = :id")
			.param("id", bookId)
			.query(Books::book)
			.optional();
	}

	/**
	 * Locks the book row for the rest of the transaction. Every change to a book's
	 * chapters takes this lock first, so chapter positions and the word count never see
	 * two writers at once, and no two transactions take the locks in different orders.
	 */
	public Book lock(UUID bookId) {
		return this.jdbc.sql("select " + COLUMNS + " from books b where b.id = :id for update")
			.param("id", bookId)
			.query(Books::book)
			.optional()
			.orElseThrow(BookNotFoundException::new);
	}

	/**
	 * Marks the book published (status, first publication time) and bumps its version.
	 */
	public Book markPublished(UUID bookId, String visibility) {
		this.jdbc.sql("""
				update books set status = 'published', visibility = :visibility,
				       published_at = coalesce(published_at, now()), version = version + 1, updated_at = now()
				where id = :id
				""").param("visibility", visibility).param("id", bookId).update();
		return find(bookId).orElseThrow();
	}

	/**
	 * Takes the book back from readers: it returns to {@code editing}; announces the
	 * change.
	 */
	public Book markUnpublished(UUID bookId) {
		this.jdbc.sql("""
				update books set status = 'editing', published_at = null, version = version + 1, updated_at = now()
				where id = :id
				""").param("id", bookId).update();
		Book book = find(bookId).orElseThrow();
		announce(book);
		return book;
	}

	/**
	 * Takes the book down from readers, keeping its published snapshot for a restore. Its
	 * version is not bumped: the owner's pending edits of its details stay valid.
	 */
	public Book markTakenDown(UUID bookId, String reason, UUID adminId) {
		this.jdbc.sql("""
				update books set taken_down_at = now(), takedown_reason = :reason, taken_down_by = :admin
				where id = :id
				""").param("reason", reason).param("admin", adminId).param("id", bookId).update();
		return find(bookId).orElseThrow();
	}

	/** Lifts a takedown: the book is as it was before it. */
	public Book markRestored(UUID bookId) {
		this.jdbc.sql("""
				update books set taken_down_at = null, takedown_reason = null, taken_down_by = null
				where id = :id
				""").param("id", bookId).update();
		return find(bookId).orElseThrow();
	}

	/**
	 * Puts the book into a series at a position (or takes it out with {@code null});
	 * announces the change when the series itself changes.
	 */
	public void placeInSeries(UUID bookId, @Nullable UUID seriesId, @Nullable Integer position) {
		Book before = find(bookId).orElseThrow(BookNotFoundException::new);
		boolean seriesChanged = !java.util.Objects.equals(before.seriesId(), seriesId);
		this.jdbc.sql("""
				update books set series_id = :series, series_position = :position,
				       version = version + :bump, updated_at = case when :bump = 1 then now() else updated_at end
				where id = :id
				""")
			.param("series", seriesId)
			.param("position", position)
			.param("bump", seriesChanged ? 1 : 0)
			.param("id", bookId)
			.update();
		if (seriesChanged) {
			announce(find(bookId).orElseThrow());
		}
	}

	/** Publishes {@link BookUpdated} for the book as it now is. */
	void announce(Book book) {
		this.outbox.publish(new BookUpdated(book.id(), book.ownerId(), book.title(), book.subtitle(),
				book.description(), book.language(), book.genres(), book.tags(), book.status(), book.visibility(),
				book.published(), book.seriesId(), book.coverRef(), book.version(), book.updatedAt()));
	}

	static Book book(ResultSet rs, int row) throws SQLException {
		return new Book(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("title"),
				rs.getString("subtitle"), rs.getString("description"), strings(rs.getArray("genres")),
				strings(rs.getArray("tags")), rs.getString("language"), rs.getString("status"),
				rs.getString("visibility"), rs.getObject("series_id", UUID.class),
				(Integer) rs.getObject("series_position"), rs.getString("cover_ref"), rs.getLong("word_count"),
				instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("taken_down_at")),
				rs.getString("takedown_reason"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
