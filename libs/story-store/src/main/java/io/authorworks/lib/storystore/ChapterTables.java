package io.authorworks.lib.storystore;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.platform.core.Ids;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one writer of a book's chapters, their revisions and provenance and the book's word
 * count, for content-service's editor and content-worker's generated chapters alike.
 * Before, each deployable wrote these rows with its own SQL and the copies drifted (the
 * worker counted words by whitespace, the editor by {@link WordCount}); now both call
 * this class inside their own transaction, so there is one word counter, one revision
 * numbering and one book word count. A library rather than an HTTP call to
 * content-service because the worker writes a step's chapter in the same transaction as
 * the step's checkpoint and usage: a crash either keeps both or neither.
 *
 * <p>
 * Callers lock the book row ({@link #lockBook}) before changing its chapters, and the
 * chapter row before changing it; these methods do not check access.
 */
public class ChapterTables {

	private final JdbcClient jdbc;

	public ChapterTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the book row: every writer of a book's chapters takes this lock first, so
	 * positions, revision numbers and the word count never see two writers at once.
	 * @return whether the book exists
	 */
	public boolean lockBook(UUID bookId) {
		return this.jdbc.sql("select id from books where id = :id for update")
			.param("id", bookId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	/**
	 * Inserts a chapter at its position (the caller has made room) with its word count
	 * and its first revision.
	 */
	public Written insert(NewChapter chapter, Author author) {
		UUID id = Ids.newId();
		int words = WordCount.ofMarkdown(chapter.content());
		long version = this.jdbc.sql("""
				insert into chapters (id, book_id, position, title, content, word_count, status, generated_by_job,
				    generated_number)
				values (:id, :book, :position, :title, :content, :words, :status, :job, :number)
				returning version
				""")
			.param("id", id)
			.param("book", chapter.bookId())
			.param("position", chapter.position())
			.param("title", chapter.title())
			.param("content", chapter.content())
			.param("words", words)
			.param("status", chapter.status())
			.param("job", (chapter.generatedBy() != null) ? chapter.generatedBy().jobId() : null)
			.param("number", (chapter.generatedBy() != null) ? chapter.generatedBy().number() : null)
			.query(Long.class)
			.single();
		int revision = recordRevision(id, chapter.bookId(), version, chapter.title(), chapter.content(), words, author);
		return new Written(id, version, words, revision, null, 0);
	}

	/**
	 * Writes a chapter's title, text and status, counting its words again, and keeps a
	 * revision when {@code author} is given (the title or text changed).
	 */
	public Written update(UUID chapterId, UUID bookId, String title, String content, String status,
			@Nullable Author author) {
		int words = WordCount.ofMarkdown(content);
		Row row = this.jdbc.sql("""
				update chapters set title = :title, content = :content, word_count = :words, status = :status,
				       version = version + 1, updated_at = now()
				where id = :id and book_id = :book
				returning version, updated_at, xmin::text::bigint as stamp
				""")
			.param("title", title)
			.param("content", content)
			.param("words", words)
			.param("status", status)
			.param("id", chapterId)
			.param("book", bookId)
			.query((rs, n) -> new Row(rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(),
					rs.getLong("stamp")))
			.single();
		int revision = (author != null)
				? recordRevision(chapterId, bookId, row.version(), title, content, words, author) : 0;
		return new Written(chapterId, row.version(), words, revision, row.updatedAt(), row.stamp());
	}

	/**
	 * Keeps the chapter's current state as a new revision without changing its text (a
	 * restore of the text it already has), bumping its version.
	 */
	public Written keepAgain(UUID chapterId, UUID bookId, Author author) {
		Current current = this.jdbc.sql("""
				update chapters set version = version + 1, updated_at = now()
				where id = :id and book_id = :book
				returning title, content, word_count, version
				""")
			.param("id", chapterId)
			.param("book", bookId)
			.query((rs, n) -> new Current(rs.getString("title"), rs.getString("content"), rs.getInt("word_count"),
					rs.getLong("version")))
			.single();
		int revision = recordRevision(chapterId, bookId, current.version(), current.title(), current.content(),
				current.words(), author);
		return new Written(chapterId, current.version(), current.words(), revision, null, 0);
	}

	/**
	 * Records where a passage of a revision's text came from.
	 */
	public void recordProvenance(Passage passage) {
		this.jdbc.sql("""
				insert into chapter_provenance (id, chapter_id, book_id, revision, start_offset, end_offset, job_id,
				    step_index, operation, provider, model, offline)
				values (:id, :chapter, :book, :revision, :start, :end, :job, :step, :operation, :provider, :model,
				    :offline)
				""")
			.param("id", Ids.newId())
			.param("chapter", passage.chapterId())
			.param("book", passage.bookId())
			.param("revision", passage.revision())
			.param("start", passage.start())
			.param("end", passage.end())
			.param("job", passage.jobId())
			.param("step", passage.stepIndex())
			.param("operation", passage.operation())
			.param("provider", passage.provider())
			.param("model", passage.model())
			.param("offline", passage.offline())
			.update();
	}

	/**
	 * Stores the book's word count as the sum of its chapters' and marks it as worked on;
	 * a book still in {@code draft} moves to {@code writing} when {@code startsWriting}.
	 * @return the book's word count
	 */
	public long recordActivity(UUID bookId, boolean startsWriting) {
		return this.jdbc.sql("""
				update books set word_count = (select coalesce(sum(word_count), 0) from chapters where book_id = :book),
				    status = case when :starts and status = 'draft' then 'writing' else status end, updated_at = now()
				where id = :book
				returning word_count
				""").param("book", bookId).param("starts", startsWriting).query(Long.class).single();
	}

	/**
	 * The one revision numbering: dense from 1 per chapter, the next after the highest,
	 * under the chapter's row lock (its insert or update in this transaction holds it).
	 */
	private int recordRevision(UUID chapterId, UUID bookId, long chapterVersion, String title, String content,
			int words, Author author) {
		return this.jdbc.sql("""
				insert into chapter_revisions (id, chapter_id, book_id, number, kind, restored_from, author_id, title,
				                               content, word_count, chapter_version, generation_job_id)
				values (:id, :chapter, :book,
				        (select coalesce(max(number), 0) + 1 from chapter_revisions where chapter_id = :chapter),
				        :kind, :restoredFrom, :author, :title, :content, :words, :version, :job)
				returning number
				""")
			.param("id", Ids.newId())
			.param("chapter", chapterId)
			.param("book", bookId)
			.param("kind", author.kind())
			.param("restoredFrom", author.restoredFrom())
			.param("author", author.userId())
			.param("title", title)
			.param("content", content)
			.param("words", words)
			.param("version", chapterVersion)
			.param("job", author.generationJobId())
			.query(Integer.class)
			.single();
	}

	/**
	 * A chapter to insert.
	 *
	 * @param bookId its book
	 * @param position its place, from 1
	 * @param title its title
	 * @param content its Markdown
	 * @param status {@code draft}, {@code revising} or {@code final}
	 * @param generatedBy the job and outline number that generated it, if a job did
	 */
	public record NewChapter(UUID bookId, int position, String title, String content, String status,
			@Nullable GeneratedBy generatedBy) {
	}

	/**
	 * The generation job that wrote a chapter, and the chapter's number in its outline.
	 *
	 * @param jobId the job
	 * @param number the outline number
	 */
	public record GeneratedBy(UUID jobId, int number) {
	}

	/**
	 * Who made a revision and how.
	 *
	 * @param userId the author (for a generated chapter, who started the job)
	 * @param kind {@code created}, {@code saved}, {@code restored}, {@code imported} or
	 * {@code generated}
	 * @param restoredFrom for a restore, the revision brought back
	 * @param generationJobId for a generated revision, its job
	 */
	public record Author(UUID userId, String kind, @Nullable Integer restoredFrom, @Nullable UUID generationJobId) {

		/** An author's own change of the given kind. */
		public static Author of(UUID userId, String kind) {
			return new Author(userId, kind, null, null);
		}

	}

	/**
	 * A chapter as written.
	 *
	 * @param chapterId the chapter
	 * @param version its version now
	 * @param words its word count
	 * @param revision the revision recorded, 0 when none was
	 */
	public record Written(UUID chapterId, long version, int words, int revision, @Nullable Instant updatedAt,
			long stamp) {
	}

	private record Row(long version, Instant updatedAt, long stamp) {
	}

	/**
	 * Where a passage of a revision's text came from.
	 *
	 * @param chapterId the chapter
	 * @param bookId its book
	 * @param revision the revision whose text the offsets point into
	 * @param start first character
	 * @param end after the last character
	 * @param jobId the generation job, if one wrote it
	 * @param stepIndex the job's step
	 * @param operation what wrote it, e.g. {@code chapter-prose}
	 * @param provider the model provider
	 * @param model the model
	 * @param offline whether the offline generator wrote it
	 */
	public record Passage(UUID chapterId, UUID bookId, int revision, int start, int end, @Nullable UUID jobId,
			@Nullable Integer stepIndex, String operation, String provider, String model, boolean offline) {
	}

	private record Current(String title, String content, int words, long version) {
	}

}
