package io.authorworks.content.migration;

import java.sql.Connection;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The stored word counts of chapters, chapter revisions, published chapters and books, on
 * the connection Flyway migrates with, for {@link RecountWordCounts}. Pages are read in
 * primary-key order, which no edit or reorder changes, so every row is read once. Writes
 * touch only {@code word_count}, and only where it still differs and the row is still the
 * one that was counted. A repository of its own, so the statements sit where the house
 * rules have a reviewer look for them, and the migration only decides what to write.
 */
class WordCountTables {

	private final JdbcTemplate template;

	private final JdbcClient jdbc;

	/**
	 * @param connection the connection Flyway migrates with, in its transaction; closing
	 * it stays Flyway's business
	 */
	WordCountTables(Connection connection) {
		this.template = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
		this.jdbc = JdbcClient.create(this.template);
	}

	/** Up to {@code limit} chapters after the one with id {@code after}, by id. */
	List<StoredChapter> chapters(@Nullable UUID after, int limit) {
		String select = "select id, book_id, version, content, word_count from chapters ";
		// Two statements rather than an "is null or" condition, which would keep a
		// generic plan off the primary key.
		JdbcClient.StatementSpec statement = (after != null)
				? this.jdbc.sql(select + "where id > :after order by id limit :limit").param("after", after)
				: this.jdbc.sql(select + "order by id limit :limit");
		return statement.param("limit", limit)
			.query((rs, n) -> new StoredChapter(rs.getObject("id", UUID.class), rs.getObject("book_id", UUID.class),
					rs.getLong("version"), rs.getString("content"), rs.getInt("word_count")))
			.list();
	}

	/**
	 * Stores the counts of these chapters, except where the chapter has a new version
	 * since it was read: the save that made it stored its own count.
	 */
	Corrected correctChapters(List<StoredChapter> chapters) {
		int[] updated = this.template.batchUpdate(
				"update chapters set word_count = ? where id = ? and version = ? and word_count <> ?",
				chapters.stream().map((c) -> new Object[] { c.words(), c.id(), c.version(), c.words() }).toList());
		Set<UUID> books = new LinkedHashSet<>();
		int rows = 0;
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] > 0) {
				rows++;
				books.add(chapters.get(i).bookId());
			}
		}
		return new Corrected(rows, books);
	}

	/**
	 * Sets each of these books' word count to the sum of its chapters', as every chapter
	 * write does, without a new version or update time. Answers how many changed.
	 */
	int sumChapters(Collection<UUID> books) {
		if (books.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update books b set word_count = s.total
				from (select book_id, sum(word_count) as total from chapters where book_id in (:books)
				      group by book_id) s
				where b.id = s.book_id and b.word_count <> s.total
				""").param("books", books).update();
	}

	/**
	 * Up to {@code limit} chapter revisions after the one with id {@code after}, by id.
	 */
	List<StoredRevision> revisions(@Nullable UUID after, int limit) {
		String select = "select id, content, word_count from chapter_revisions ";
		JdbcClient.StatementSpec statement = (after != null)
				? this.jdbc.sql(select + "where id > :after order by id limit :limit").param("after", after)
				: this.jdbc.sql(select + "order by id limit :limit");
		return statement.param("limit", limit)
			.query((rs, n) -> new StoredRevision(rs.getObject("id", UUID.class), rs.getString("content"),
					rs.getInt("word_count")))
			.list();
	}

	/** Stores the counts of these revisions, whose text never changes. */
	int correctRevisions(List<StoredRevision> revisions) {
		return changed(this.template.batchUpdate(
				"update chapter_revisions set word_count = ? where id = ? and word_count <> ?",
				revisions.stream().map((r) -> new Object[] { r.words(), r.id(), r.words() }).toList()));
	}

	/**
	 * Up to {@code limit} published chapters after {@code after}, by book and number.
	 */
	List<StoredPublished> published(@Nullable StoredPublished after, int limit) {
		String select = "select book_id, number, chapter_version, content, word_count from published_chapters ";
		JdbcClient.StatementSpec statement = (after != null) ? this.jdbc
			.sql(select + "where (book_id, number) > (:book, :number) order by book_id, number limit :limit")
			.param("book", after.bookId())
			.param("number", after.number()) : this.jdbc.sql(select + "order by book_id, number limit :limit");
		return statement.param("limit", limit)
			.query((rs, n) -> new StoredPublished(rs.getObject("book_id", UUID.class), rs.getInt("number"),
					rs.getLong("chapter_version"), rs.getString("content"), rs.getInt("word_count")))
			.list();
	}

	/**
	 * Stores the counts of these published chapters, except where the book was published
	 * again with another version of the chapter since they were read.
	 */
	int correctPublished(List<StoredPublished> published) {
		return changed(this.template.batchUpdate("""
				update published_chapters set word_count = ?
				where book_id = ? and number = ? and chapter_version = ? and word_count <> ?
				""",
				published.stream()
					.map((p) -> new Object[] { p.words(), p.bookId(), p.number(), p.chapterVersion(), p.words() })
					.toList()));
	}

	private static int changed(int[] updated) {
		int rows = 0;
		for (int count : updated) {
			rows += (count > 0) ? 1 : 0;
		}
		return rows;
	}

	/** A stored text with its stored word count. */
	interface Counted<R> {

		String content();

		int words();

		/** The same row with another count. */
		R withWords(int words);

	}

	record StoredChapter(UUID id, UUID bookId, long version, String content,
			int words) implements Counted<StoredChapter> {

		@Override
		public StoredChapter withWords(int words) {
			return new StoredChapter(this.id, this.bookId, this.version, this.content, words);
		}

	}

	record StoredRevision(UUID id, String content, int words) implements Counted<StoredRevision> {

		@Override
		public StoredRevision withWords(int words) {
			return new StoredRevision(this.id, this.content, words);
		}

	}

	record StoredPublished(UUID bookId, int number, long chapterVersion, String content,
			int words) implements Counted<StoredPublished> {

		@Override
		public StoredPublished withWords(int words) {
			return new StoredPublished(this.bookId, this.number, this.chapterVersion, this.content, words);
		}

	}

	/** How many chapters a page corrected, and their books. */
	record Corrected(int rows, Set<UUID> books) {

	}

}
