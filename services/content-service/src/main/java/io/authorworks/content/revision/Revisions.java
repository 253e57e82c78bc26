package io.authorworks.content.revision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.platform.core.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@code chapter_revisions} table. Revisions are written only by the
 * story-store library's {@code ChapterTables}, in the transaction of every change to a
 * chapter's title or text and under the chapter's row lock, so numbers are dense and the
 * newest revision always equals the current chapter, whether the author or a generation
 * job made it.
 */
@Repository
public class Revisions {

	private static final String COLUMNS = """
			id, chapter_id, book_id, number, kind, restored_from, author_id, title, content, word_count,
			chapter_version, created_at""";

	private final JdbcClient jdbc;

	Revisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A revision of a chapter of a book, or a {@code 404}. */
	public Revision find(UUID bookId, UUID chapterId, int number) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from chapter_revisions where book_id = :book and chapter_id = :chapter and number = :number")
			.param("book", bookId)
			.param("chapter", chapterId)
			.param("number", number)
			.query(Revisions::revision)
			.optional()
			.orElseThrow(() -> new NotFoundException("This chapter has no revision " + number + "."));
	}

	Optional<Revision> latest(UUID bookId, UUID chapterId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from chapter_revisions "
					+ "where book_id = :book and chapter_id = :chapter order by number desc limit 1")
			.param("book", bookId)
			.param("chapter", chapterId)
			.query(Revisions::revision)
			.optional();
	}

	/** Revisions newest first, without their text, after {@code before} when given. */
	List<Revision> page(UUID bookId, UUID chapterId, @Nullable Integer before, int limit) {
		return this.jdbc.sql("""
				select id, chapter_id, book_id, number, kind, restored_from, author_id, title, '' as content,
				       word_count, chapter_version, created_at
				from chapter_revisions
				where book_id = :book and chapter_id = :chapter and (cast(:before as integer) is null
				      or number < cast(:before as integer))
				order by number desc limit :limit
				""")
			.param("book", bookId)
			.param("chapter", chapterId)
			.param("before", before)
			.param("limit", limit)
			.query(Revisions::revision)
			.list();
	}

	private static Revision revision(ResultSet rs, int row) throws SQLException {
		return new Revision(rs.getObject("id", UUID.class), rs.getObject("chapter_id", UUID.class),
				rs.getObject("book_id", UUID.class), rs.getInt("number"), rs.getString("kind"),
				(Integer) rs.getObject("restored_from"), rs.getObject("author_id", UUID.class), rs.getString("title"),
				rs.getString("content"), rs.getInt("word_count"), rs.getLong("chapter_version"),
				rs.getTimestamp("created_at").toInstant());
	}

}
