package io.authorworks.content.chapter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.content.member.BookAccess;
import io.authorworks.content.support.PgArrays;
import io.authorworks.platform.core.ETags;
import io.authorworks.lib.storystore.ChapterTables;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code chapters} table, for the chapter feature and for the features that read a
 * whole book's chapters (export, publishing). Text changes, with their revisions and the
 * book's word count, go through the story-store library's {@link ChapterTables}, the
 * writer content-worker uses for generated chapters too, so both count words and number
 * revisions alike. Callers check access first; these methods do not.
 */
@Repository
public class Chapters {

	static final String COLUMNS = """
			id, book_id, position, title, content, word_count, status, published_at, version, created_at,
			updated_at, xmin::text::bigint as stamp""";

	private final JdbcClient jdbc;

	private final ChapterTables writer;

	Chapters(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.writer = new ChapterTables(jdbc);
	}

	/** Every chapter of the book, in order. Books hold a bounded number of chapters. */
	public List<Chapter> inOrder(UUID bookId) {
		return this.jdbc.sql("select " + COLUMNS + " from chapters where book_id = :book order by position")
			.param("book", bookId)
			.query(Chapters::chapter)
			.list();
	}

	/**
	 * Sets or clears the publication time of chapters of a book: those in
	 * {@code published} keep theirs unless their text changed since, the rest lose it.
	 */
	public void markPublished(UUID bookId, List<UUID> newlyPublished, List<UUID> stillPublished) {
		this.jdbc.sql("""
				update chapters set published_at = case
				    when id = any(cast(:fresh as uuid[])) then now()
				    when id = any(cast(:kept as uuid[])) then published_at
				    else null end
				where book_id = :book
				""")
			.param("fresh", PgArrays.literal(newlyPublished))
			.param("kept", PgArrays.literal(stillPublished))
			.param("book", bookId)
			.update();
	}

	Optional<Chapter> find(UUID bookId, UUID chapterId) {
		return this.jdbc.sql("select " + COLUMNS + " from chapters where book_id = :book and id = :id")
			.param("book", bookId)
			.param("id", chapterId)
			.query(Chapters::chapter)
			.optional();
	}

	/**
	 * A chapter with the caller's standing in its book, in one round trip: empty when the
	 * book does not exist; the chapter {@code null} when the book has no such chapter.
	 * Access is the caller's to check.
	 */
	Optional<Read> read(UUID userId, UUID bookId, UUID chapterId) {
		return this.jdbc
			.sql("select " + BookAccess.GRANT_COLUMNS + ", c.id, c.book_id, c.position, c.title, c.content,"
					+ " c.word_count, c.status, c.published_at, c.version, c.created_at, c.updated_at,"
					+ " c.xmin::text::bigint as stamp from " + BookAccess.GRANT_FROM
					+ " left join chapters c on c.book_id = b.id and c.id = :chapter where b.id = :book")
			.param("user", userId)
			.param("book", bookId)
			.param("chapter", chapterId)
			.query((rs, n) -> new Read(BookAccess.grant(bookId, userId, rs),
					(rs.getObject("id") != null) ? chapter(rs, n) : null))
			.optional();
	}

	/**
	 * A chapter's ETag with the caller's standing in its book, without its text: for
	 * revalidation. As {@link #read}.
	 */
	Optional<Tag> tag(UUID userId, UUID bookId, UUID chapterId) {
		return this.jdbc
			.sql("select " + BookAccess.GRANT_COLUMNS + ", c.version, c.xmin::text::bigint as stamp from "
					+ BookAccess.GRANT_FROM
					+ " left join chapters c on c.book_id = b.id and c.id = :chapter where b.id = :book")
			.param("user", userId)
			.param("book", bookId)
			.param("chapter", chapterId)
			.query((rs, n) -> new Tag(BookAccess.grant(bookId, userId, rs),
					(rs.getObject("version") != null) ? ETags.of(rs.getLong("version"), rs.getLong("stamp")) : null))
			.optional();
	}

	Optional<Chapter> lock(UUID bookId, UUID chapterId) {
		return this.jdbc.sql("select " + COLUMNS + " from chapters where book_id = :book and id = :id for update")
			.param("book", bookId)
			.param("id", chapterId)
			.query(Chapters::chapter)
			.optional();
	}

	List<UUID> order(UUID bookId) {
		return this.jdbc.sql("select id from chapters where book_id = :book order by position")
			.param("book", bookId)
			.query((rs, row) -> rs.getObject("id", UUID.class))
			.list();
	}

	/**
	 * Inserts a chapter with its first revision; the caller has made room at its place.
	 */
	ChapterTables.Written insert(ChapterTables.NewChapter chapter, ChapterTables.Author author) {
		return this.writer.insert(chapter, author);
	}

	/** Writes title, text and status; keeps a revision when {@code author} is given. */
	ChapterTables.Written update(Chapter current, String title, String content, String status,
			ChapterTables.@Nullable Author author) {
		return this.writer.update(current.id(), current.bookId(), title, content, status, author);
	}

	/** Keeps the chapter's unchanged text as a new revision. */
	ChapterTables.Written keepAgain(Chapter current, ChapterTables.Author author) {
		return this.writer.keepAgain(current.id(), current.bookId(), author);
	}

	/** Moves the chapters at and after {@code place} one down, to make room there. */
	void makeRoom(UUID bookId, int place) {
		this.jdbc.sql("update chapters set position = position + 1 where book_id = :book and position >= :place")
			.param("book", bookId)
			.param("place", place)
			.update();
	}

	/** Deletes a chapter and closes the gap it leaves. */
	void delete(Chapter chapter) {
		this.jdbc.sql("delete from chapters where id = :id").param("id", chapter.id()).update();
		this.jdbc.sql("update chapters set position = position - 1 where book_id = :book and position > :position")
			.param("book", chapter.bookId())
			.param("position", chapter.position())
			.update();
	}

	/** Stores the book's word count from its chapters and marks it as worked on. */
	void recordActivity(UUID bookId) {
		this.writer.recordActivity(bookId, false);
	}

	/** Writes a whole new order: the unique position constraint is checked at commit. */
	void reposition(UUID bookId, List<UUID> order) {
		this.jdbc.sql("""
				update chapters c set position = o.position
				from unnest(cast(:ids as uuid[])) with ordinality as o(id, position)
				where c.id = o.id and c.book_id = :book and c.position <> o.position
				""").param("ids", PgArrays.literal(order)).param("book", bookId).update();
	}

	List<Chapter> page(UUID bookId, int afterPosition, int limit) {
		return this.jdbc.sql("""
				select id, book_id, position, title, '' as content, word_count, status, published_at, version,
				       created_at, updated_at, xmin::text::bigint as stamp
				from chapters where book_id = :book and position > :after order by position limit :limit
				""")
			.param("book", bookId)
			.param("after", afterPosition)
			.param("limit", limit)
			.query(Chapters::chapter)
			.list();
	}

	/**
	 * A chapter as read with the caller's standing in its book.
	 *
	 * @param grant the standing, {@code null} when the book is none of their business
	 * @param chapter the chapter, {@code null} when the book has no such chapter
	 */
	record Read(BookAccess.@Nullable Grant grant, @Nullable Chapter chapter) {
	}

	/**
	 * A chapter's ETag as read with the caller's standing in its book.
	 *
	 * @param grant the standing, {@code null} when the book is none of their business
	 * @param etag the chapter's ETag, {@code null} when the book has no such chapter
	 */
	record Tag(BookAccess.@Nullable Grant grant, @Nullable String etag) {
	}

	static Chapter chapter(ResultSet rs, int row) throws SQLException {
		Timestamp published = rs.getTimestamp("published_at");
		return new Chapter(rs.getObject("id", UUID.class), rs.getObject("book_id", UUID.class), rs.getInt("position"),
				rs.getString("title"), rs.getString("content"), rs.getInt("word_count"), rs.getString("status"),
				(published != null) ? published.toInstant() : null, rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("stamp"));
	}

}
