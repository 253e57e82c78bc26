package io.authorworks.content.chapter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.content.support.PgArrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code chapters} table, for the chapter feature and for the features that read a
 * whole book's chapters (export, publishing). Callers check access first; these methods
 * do not.
 */
@Repository
public class Chapters {

	static final String COLUMNS = """
			id, book_id, position, title, content, word_count, status, published_at, version, created_at,
			updated_at""";

	private final JdbcClient jdbc;

	Chapters(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	long words(UUID bookId) {
		return this.jdbc.sql("select coalesce(sum(word_count), 0) from chapters where book_id = :book")
			.param("book", bookId)
			.query(Long.class)
			.single();
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
				       created_at, updated_at
				from chapters where book_id = :book and position > :after order by position limit :limit
				""")
			.param("book", bookId)
			.param("after", afterPosition)
			.param("limit", limit)
			.query(Chapters::chapter)
			.list();
	}

	static Chapter chapter(ResultSet rs, int row) throws SQLException {
		Timestamp published = rs.getTimestamp("published_at");
		return new Chapter(rs.getObject("id", UUID.class), rs.getObject("book_id", UUID.class), rs.getInt("position"),
				rs.getString("title"), rs.getString("content"), rs.getInt("word_count"), rs.getString("status"),
				(published != null) ? published.toInstant() : null, rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
