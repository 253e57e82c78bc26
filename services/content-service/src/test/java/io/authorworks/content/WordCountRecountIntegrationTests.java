package io.authorworks.content;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.authorworks.lib.storyai.story.Texts;
import io.authorworks.lib.storystore.WordCount;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 5 (RecountWordCounts) corrects the word counts content-worker stored with its
 * old whitespace counter, in chapters, revisions, published chapters and book totals,
 * without making the recount look like an edit: versions and update times stay, rows
 * already right are not written at all (their {@code xmin} stays), and running it again
 * writes nothing. It runs on a schema of its own migrated to version 4 with the
 * application's Flyway configuration, so the shared {@code content} schema is left alone.
 */
class WordCountRecountIntegrationTests extends ContentIntegrationTest {

	private static final String SCHEMA = "recount_test";

	private static final String SAMPLE = WordCountAgreementIntegrationTests.SAMPLE;

	private static final String BREAKS = "* * *\n\nboat—split\n\n* * *\n";

	private static final String RIGHT = "Mara didn't look back.";

	private static final OffsetDateTime EDITED = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);

	/** More chapters than one page of the migration holds, to cross page boundaries. */
	private static final int MANY = 450;

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	@AfterEach
	void dropSchema() {
		this.jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
	}

	@Test
	void theApplicationRanTheRecountAtStart() {
		Map<String, @Nullable Object> row = this.jdbc
			.sql("select type, description, success from flyway_schema_history where version = '5'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("type", "JDBC")
			.containsEntry("description", "recount word counts")
			.containsEntry("success", true);
	}

	@Test
	void theSamplesDisagreeUnderTheOldCounter() {
		assertThat(Texts.wordCount(SAMPLE)).isEqualTo(13);
		assertThat(WordCount.ofMarkdown(SAMPLE)).isEqualTo(12);
		assertThat(Texts.wordCount(BREAKS)).isEqualTo(7);
		assertThat(WordCount.ofMarkdown(BREAKS)).isEqualTo(2);
		assertThat(Texts.wordCount(RIGHT)).isEqualTo(WordCount.ofMarkdown(RIGHT));
	}

	@Test
	void recountsWhatTheWhitespaceCounterStoredAndNothingElse() {
		migrate("4");
		UUID generated = book(Texts.wordCount(SAMPLE) + Texts.wordCount(BREAKS) + Texts.wordCount(RIGHT));
		UUID sample = chapter(generated, 1, SAMPLE, 3);
		UUID breaks = chapter(generated, 2, BREAKS, 1);
		UUID right = chapter(generated, 3, RIGHT, 2);
		revision(sample, generated, 1, SAMPLE);
		revision(right, generated, 1, RIGHT);
		published(generated, 1, sample, SAMPLE);
		published(generated, 2, right, RIGHT);
		UUID untouched = book(WordCount.ofMarkdown(RIGHT));
		UUID untouchedChapter = chapter(untouched, 1, RIGHT, 1);
		UUID large = book(0);
		manyChapters(large);
		Map<String, String> before = rowVersions();

		migrate(null);

		int sampleWords = WordCount.ofMarkdown(SAMPLE);
		int breakWords = WordCount.ofMarkdown(BREAKS);
		int rightWords = WordCount.ofMarkdown(RIGHT);
		assertThat(chapterCounts(generated)).containsExactly(sampleWords, breakWords, rightWords);
		assertThat(bookCount(generated)).isEqualTo(sampleWords + breakWords + rightWords);
		assertThat(this.jdbc
			.sql("select word_count from " + SCHEMA + ".chapter_revisions where book_id = :book order by content")
			.param("book", generated)
			.query(Integer.class)
			.list()).containsExactly(rightWords, sampleWords);
		assertThat(this.jdbc
			.sql("select word_count from " + SCHEMA + ".published_chapters where book_id = :book order by number")
			.param("book", generated)
			.query(Integer.class)
			.list()).containsExactly(sampleWords, rightWords);
		assertThat(chapterCounts(large)).hasSize(MANY).containsOnly(breakWords);
		assertThat(bookCount(large)).isEqualTo((long) MANY * breakWords);
		assertThat(
				this.jdbc.sql("select distinct word_count from " + SCHEMA + ".chapter_revisions where book_id = :book")
					.param("book", large)
					.query(Integer.class)
					.list())
			.containsExactly(breakWords);

		// Not an edit: versions and update times are as they were.
		assertThat(this.jdbc.sql("select version from " + SCHEMA + ".chapters where book_id = :book order by position")
			.param("book", generated)
			.query(Long.class)
			.list()).containsExactly(3L, 1L, 2L);
		assertThat(this.jdbc
			.sql("select updated_at from " + SCHEMA + ".chapters union select updated_at from " + SCHEMA + ".books")
			.query(OffsetDateTime.class)
			.list()).singleElement().satisfies((at) -> assertThat(at.toInstant()).isEqualTo(EDITED.toInstant()));
		assertThat(this.jdbc.sql("select distinct version from " + SCHEMA + ".books").query(Long.class).list())
			.containsExactly(7L);
		// Rows that were right were not written at all.
		Map<String, String> after = rowVersions();
		assertThat(after).containsEntry("chapter " + right, before.get("chapter " + right))
			.containsEntry("book " + untouched, before.get("book " + untouched))
			.containsEntry("chapter " + untouchedChapter, before.get("chapter " + untouchedChapter))
			.containsEntry("published " + generated + "/2", before.get("published " + generated + "/2"));
		assertThat(after.get("chapter " + sample)).isNotEqualTo(before.get("chapter " + sample));

		// A second run is a no-op: forget that version 5 ran and migrate again.
		this.jdbc.sql("delete from " + SCHEMA + ".flyway_schema_history where version = '5'").update();
		migrate(null);
		assertThat(this.jdbc.sql("select success from " + SCHEMA + ".flyway_schema_history where version = '5'")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(rowVersions()).isEqualTo(after);
	}

	/**
	 * Migrates the test schema with the application's own Flyway configuration (its SQL
	 * and Java migrations and placeholders), up to {@code target} or to the latest.
	 */
	private void migrate(@Nullable String target) {
		var configuration = Flyway.configure()
			.configuration(this.flyway.getConfiguration())
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA);
		if (target != null) {
			configuration.target(target);
		}
		configuration.load().migrate();
	}

	private UUID book(long words) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("insert into " + SCHEMA + ".books (id, owner_id, title, word_count, version, updated_at) "
					+ "values (:id, :owner, 'A Book', :words, 7, :at)")
			.param("id", id)
			.param("owner", UUID.randomUUID())
			.param("words", words)
			.param("at", EDITED)
			.update();
		return id;
	}

	/** A chapter as content-worker stored it before: with the whitespace count. */
	private UUID chapter(UUID bookId, int position, String content, long version) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("insert into " + SCHEMA + ".chapters "
					+ "(id, book_id, position, title, content, word_count, version, updated_at) "
					+ "values (:id, :book, :position, 'Chapter', :content, :words, :version, :at)")
			.param("id", id)
			.param("book", bookId)
			.param("position", position)
			.param("content", content)
			.param("words", Texts.wordCount(content))
			.param("version", version)
			.param("at", EDITED)
			.update();
		return id;
	}

	private void revision(UUID chapterId, UUID bookId, int number, String content) {
		this.jdbc
			.sql("insert into " + SCHEMA + ".chapter_revisions "
					+ "(id, chapter_id, book_id, number, kind, author_id, title, content, word_count, chapter_version) "
					+ "values (gen_random_uuid(), :chapter, :book, :number, 'generated', gen_random_uuid(), 'Chapter', "
					+ ":content, :words, 1)")
			.param("chapter", chapterId)
			.param("book", bookId)
			.param("number", number)
			.param("content", content)
			.param("words", Texts.wordCount(content))
			.update();
	}

	private void published(UUID bookId, int number, UUID chapterId, String content) {
		this.jdbc
			.sql("insert into " + SCHEMA + ".published_chapters "
					+ "(book_id, number, chapter_id, title, content, word_count, chapter_version, published_at) "
					+ "values (:book, :number, :chapter, 'Chapter', :content, :words, 1, :at)")
			.param("book", bookId)
			.param("number", number)
			.param("chapter", chapterId)
			.param("content", content)
			.param("words", Texts.wordCount(content))
			.param("at", EDITED)
			.update();
	}

	/** Chapters, each with a revision, whose random ids spread them over every page. */
	private void manyChapters(UUID bookId) {
		this.jdbc.sql("insert into " + SCHEMA + ".chapters "
				+ "(id, book_id, position, title, content, word_count, updated_at) "
				+ "select gen_random_uuid(), :book, n, 'Chapter', :content, :words, :at from generate_series(1, :many) n")
			.param("book", bookId)
			.param("content", BREAKS)
			.param("words", Texts.wordCount(BREAKS))
			.param("at", EDITED)
			.param("many", MANY)
			.update();
		this.jdbc
			.sql("insert into " + SCHEMA + ".chapter_revisions "
					+ "(id, chapter_id, book_id, number, kind, author_id, title, content, word_count, chapter_version) "
					+ "select gen_random_uuid(), id, book_id, 1, 'generated', gen_random_uuid(), title, content, "
					+ "word_count, 1 from " + SCHEMA + ".chapters where book_id = :book")
			.param("book", bookId)
			.update();
		this.jdbc.sql("update " + SCHEMA + ".books set word_count = :words where id = :book")
			.param("words", (long) MANY * Texts.wordCount(BREAKS))
			.param("book", bookId)
			.update();
	}

	private List<Integer> chapterCounts(UUID bookId) {
		return this.jdbc.sql("select word_count from " + SCHEMA + ".chapters where book_id = :book order by position")
			.param("book", bookId)
			.query((rs, n) -> rs.getInt("word_count"))
			.list();
	}

	private long bookCount(UUID bookId) {
		return this.jdbc.sql("select word_count from " + SCHEMA + ".books where id = :book")
			.param("book", bookId)
			.query(Long.class)
			.single();
	}

	/**
	 * The transaction that last wrote each row ({@code xmin}), which changes on any
	 * update, even one that stores the same values.
	 */
	private Map<String, String> rowVersions() {
		return this.jdbc.sql("""
				select 'book ' || id as row, xmin::text as xmin from %1$s.books
				union all select 'chapter ' || id, xmin::text from %1$s.chapters
				union all select 'revision ' || id, xmin::text from %1$s.chapter_revisions
				union all select 'published ' || book_id || '/' || number, xmin::text from %1$s.published_chapters
				""".formatted(SCHEMA))
			.query((rs, n) -> Map.entry(rs.getString("row"), rs.getString("xmin")))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
