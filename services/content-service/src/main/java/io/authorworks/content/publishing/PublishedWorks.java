package io.authorworks.content.publishing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.UUID;

import io.authorworks.content.book.Book;
import io.authorworks.content.book.Books;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What readers may read: published books that are public (listed) or unlisted (by link),
 * and their published chapters. A book that is private, unpublished, taken down by an
 * admin or deleted is simply not here.
 */
@Repository
public class PublishedWorks {

	private final JdbcClient jdbc;

	private final Books books;

	PublishedWorks(JdbcClient jdbc, Books books) {
		this.jdbc = jdbc;
		this.books = books;
	}

	/** The book if readers may read it. */
	public Optional<Book> book(UUID bookId) {
		return this.books.find(bookId)
			.filter((b) -> b.published() && !"private".equals(b.visibility()) && !b.takenDown());
	}

	/** Public books, most recently published first; unlisted ones never appear. */
	public Page<Book> listed(@Nullable String cursor, int limit, @Nullable String genre) {
		Cursors.Keyset after = Cursors.keyset(cursor, "published", 2);
		Timestamp key = (after != null) ? Timestamp.from(after.micros(0)) : null;
		UUID afterId = (after != null) ? after.uuid(1) : null;
		List<UUID> ids = this.jdbc.sql("""
				select id from books
				where status = 'published' and visibility = 'public' and taken_down_at is null
				  and (cast(:genre as text) is null or cast(:genre as text) = any(genres))
				  and (cast(:k as timestamptz) is null
				       or (published_at, id) < (cast(:k as timestamptz), cast(:id as uuid)))
				order by published_at desc, id desc limit :limit
				""")
			.param("genre", genre)
			.param("k", key)
			.param("id", afterId)
			.param("limit", limit + 1)
			.query((rs, row) -> rs.getObject("id", UUID.class))
			.list();
		List<Book> found = ids.stream().map((id) -> this.books.find(id).orElseThrow()).toList();
		return Page.of(found, limit,
				(b) -> Cursors.encode("published",
						Cursors.micros(Objects.requireNonNull(b.publishedAt(), "a listed book is published")),
						b.id().toString()));
	}

	/** The published chapters of a book, without their text. */
	public List<PublishedChapter> contents(UUID bookId) {
		return this.jdbc.sql("""
				select number, chapter_id, title, '' as content, word_count, published_at from published_chapters
				where book_id = :book order by number
				""").param("book", bookId).query(PublishedWorks::chapter).list();
	}

	/** Published chapter {@code number} of a book. */
	public Optional<PublishedChapter> chapter(UUID bookId, int number) {
		return this.jdbc.sql("""
				select number, chapter_id, title, content, word_count, published_at from published_chapters
				where book_id = :book and number = :number
				""").param("book", bookId).param("number", number).query(PublishedWorks::chapter).optional();
	}

	private static PublishedChapter chapter(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new PublishedChapter(rs.getInt("number"), rs.getObject("chapter_id", UUID.class), rs.getString("title"),
				rs.getString("content"), rs.getInt("word_count"), rs.getTimestamp("published_at").toInstant());
	}

	/**
	 * A chapter as readers see it.
	 *
	 * @param number its number among the published chapters
	 * @param chapterId the chapter
	 * @param title its published title
	 * @param content its published Markdown
	 * @param wordCount its words
	 * @param publishedAt when this text was published
	 */
	public record PublishedChapter(int number, UUID chapterId, String title, String content, int wordCount,
			Instant publishedAt) {
	}

}
