package io.authorworks.worker.content.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storystore.ChapterTables;
import io.authorworks.lib.storystore.StoryTables;
import io.authorworks.contracts.content.ChapterUpdated;
import io.authorworks.platform.core.Ids;
import io.authorworks.platform.events.Outbox;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes a book's story in the content schema it shares with content-service:
 * the bible, the outline, generated chapters (with their revision and provenance) and
 * rolling chapter summaries. Chapters, revisions, provenance, the book's word count and
 * the generated bible's merge go through the story-store library's writers, the ones
 * content-service uses, so both follow one set of rules: the book row is locked before
 * its chapters change, every text change keeps a revision numbered the same way, words
 * are counted by one counter, and {@code chapter.updated} goes out through the outbox.
 */
@Component
class StoryStore {

	private final JdbcClient jdbc;

	private final ObjectMapper mapper;

	private final Outbox outbox;

	private final StoryTables tables;

	private final ChapterTables chapters;

	StoryStore(JdbcClient jdbc, ObjectMapper mapper, Outbox outbox) {
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.outbox = outbox;
		this.tables = new StoryTables(jdbc, mapper);
		this.chapters = new ChapterTables(jdbc);
	}

	StoryBible bible(UUID bookId) {
		return this.tables.bible(bookId);
	}

	Optional<Outline> outline(UUID bookId) {
		return this.tables.outline(bookId);
	}

	/**
	 * Adds a generated bible to the book's, inheriting what its series bible says
	 * ({@link StoryTables#mergeGenerated}).
	 */
	void mergeBible(UUID bookId, StoryBible generated) {
		this.chapters.lockBook(bookId);
		this.tables.mergeGenerated(bookId, generated);
	}

	void writeSynopsis(UUID bookId, String synopsis) {
		this.chapters.lockBook(bookId);
		this.jdbc.sql("insert into bibles (id, book_id) values (:id, :book) on conflict (book_id) do nothing")
			.param("id", Ids.newId())
			.param("book", bookId)
			.update();
		this.jdbc.sql("""
				update bibles set synopsis = :synopsis, version = version + 1, updated_at = now()
				where book_id = :book
				""").param("synopsis", synopsis).param("book", bookId).update();
	}

	void writeOutline(UUID bookId, Outline outline, UUID jobId, String model) {
		this.jdbc.sql("""
				insert into book_outlines (book_id, structure, chapters, job_id, model)
				values (:book, :structure, cast(:chapters as jsonb), :job, :model)
				on conflict (book_id) do update set structure = excluded.structure, chapters = excluded.chapters,
				    job_id = excluded.job_id, model = excluded.model, updated_at = now()
				""")
			.param("book", bookId)
			.param("structure", outline.structure())
			.param("chapters", this.mapper.writeValueAsString(outline.chapters()))
			.param("job", jobId)
			.param("model", model)
			.update();
	}

	/** The chapter a job generated for an outline number, if it did. */
	Optional<ChapterRow> generatedChapter(UUID jobId, int number) {
		return this.jdbc.sql("""
				select id, position, title, content from chapters
				where generated_by_job = :job and generated_number = :number
				""")
			.param("job", jobId)
			.param("number", number)
			.query((rs, n) -> new ChapterRow(rs.getObject("id", UUID.class), rs.getInt("position"),
					rs.getString("title"), rs.getString("content")))
			.optional();
	}

	/**
	 * What was written before a chapter: a rolling summary of each of the book's chapters
	 * before the given position, and the text of the one right before it. A chapter whose
	 * text changed since its summary was written (the author edited it), or that never
	 * had one (the author wrote it), is summarised from its text as it is now, so the
	 * model never continues from a version the author has replaced.
	 */
	Before before(UUID bookId, int position) {
		List<ChapterSummary> summaries = this.jdbc.sql("""
				select c.position, c.title, c.content, s.summary, s.revision as summarized,
				    (select max(r.number) from chapter_revisions r where r.chapter_id = c.id) as revision
				from chapters c left join chapter_summaries s on s.chapter_id = c.id
				where c.book_id = :book and c.position < :position order by c.position
				""")
			.param("book", bookId)
			.param("position", position)
			.query((rs, n) -> RollingSummaries.of(rs.getInt("position"), rs.getString("title"), rs.getString("content"),
					rs.getString("summary"), (Integer) rs.getObject("summarized"), (Integer) rs.getObject("revision")))
			.list()
			.stream()
			.flatMap(Optional::stream)
			.toList();
		String previous = this.jdbc.sql("select content from chapters where book_id = :book and position = :position")
			.param("book", bookId)
			.param("position", position - 1)
			.query(String.class)
			.optional()
			.orElse("");
		return new Before(summaries, previous);
	}

	/** Where the chapter for this outline number is or would be appended. */
	int positionFor(UUID bookId, UUID jobId, int number) {
		return generatedChapter(jobId, number).map(ChapterRow::position)
			.orElseGet(() -> this.jdbc.sql("select count(*) + 1 from chapters where book_id = :book")
				.param("book", bookId)
				.query(Integer.class)
				.single());
	}

	/**
	 * Appends the generated chapter once per job and outline number, with its first
	 * revision authored by the job and the provenance of its text, through the writer
	 * content-service's editor uses too ({@link ChapterTables}), so it is stored with the
	 * word count the editor will show.
	 */
	ChapterRow createChapter(UUID bookId, UUID jobId, int stepIndex, UUID userId, int number, String title, String text,
			GenerationResult result) {
		this.chapters.lockBook(bookId);
		Optional<ChapterRow> existing = generatedChapter(jobId, number);
		if (existing.isPresent()) {
			return existing.get();
		}
		int position = this.jdbc.sql("select count(*) + 1 from chapters where book_id = :book")
			.param("book", bookId)
			.query(Integer.class)
			.single();
		ChapterTables.Written written = this.chapters.insert(
				new ChapterTables.NewChapter(bookId, position, title, text, "draft",
						new ChapterTables.GeneratedBy(jobId, number)),
				new ChapterTables.Author(userId, "generated", null, jobId));
		this.chapters.recordProvenance(new ChapterTables.Passage(written.chapterId(), bookId, written.revision(), 0,
				text.length(), jobId, stepIndex, "chapter-prose", result.provider(), result.model(), result.offline()));
		this.chapters.recordActivity(bookId, true);
		this.outbox.publish(new ChapterUpdated(bookId, written.chapterId(), position, title, "draft", written.words(),
				written.version(), Instant.now()));
		return new ChapterRow(written.chapterId(), position, title, text);
	}

	void writeSummary(UUID chapterId, UUID bookId, String summary, String model, UUID jobId) {
		this.jdbc.sql("""
				insert into chapter_summaries (chapter_id, book_id, revision, summary, model, job_id)
				values (:chapter, :book,
				    (select coalesce(max(number), 1) from chapter_revisions where chapter_id = :chapter),
				    :summary, :model, :job)
				on conflict (chapter_id) do update set revision = excluded.revision, summary = excluded.summary,
				    model = excluded.model, job_id = excluded.job_id, updated_at = now()
				""")
			.param("chapter", chapterId)
			.param("book", bookId)
			.param("summary", summary)
			.param("model", model)
			.param("job", jobId)
			.update();
	}

	/** The chapters a job generated, in outline order. */
	List<GeneratedChapter> generatedChapters(UUID jobId) {
		return this.jdbc.sql("""
				select id, generated_number, position, title, word_count from chapters
				where generated_by_job = :job order by generated_number
				""")
			.param("job", jobId)
			.query((rs, n) -> new GeneratedChapter(rs.getObject("id", UUID.class), rs.getInt("generated_number"),
					rs.getInt("position"), rs.getString("title"), rs.getInt("word_count")))
			.list();
	}

	/**
	 * A chapter.
	 *
	 * @param id its id
	 * @param position its place in the book
	 * @param title its title
	 * @param content its Markdown
	 */
	record ChapterRow(UUID id, int position, String title, String content) {
	}

	/**
	 * What came before a chapter.
	 *
	 * @param summaries summaries of the earlier chapters
	 * @param previousText the chapter right before
	 */
	record Before(List<ChapterSummary> summaries, String previousText) {
	}

	/**
	 * A chapter a job wrote.
	 *
	 * @param chapterId the chapter
	 * @param number its outline number
	 * @param position its place in the book
	 * @param title its title
	 * @param words its word count
	 */
	record GeneratedChapter(UUID chapterId, int number, int position, String title, int words) {
	}

}
