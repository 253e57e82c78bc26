package io.authorworks.worker.content.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.story.BibleEntry;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.Location;
import io.authorworks.lib.storyai.story.LoreItem;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storystore.StoryTables;
import io.authorworks.lib.storyai.story.StoryCharacter;
import io.authorworks.lib.storyai.story.Texts;
import io.authorworks.contracts.content.ChapterUpdated;
import io.authorworks.platform.core.Ids;
import io.authorworks.platform.events.Outbox;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes a book's story in the content schema it shares with content-service:
 * the bible, the outline, generated chapters (with their revision and provenance) and
 * rolling chapter summaries. Writes follow content-service's rules: the book row is
 * locked before its chapters change, every text change keeps a revision, and
 * {@code chapter.updated} goes out through the outbox.
 */
@Component
class StoryStore {

	private final JdbcClient jdbc;

	private final ObjectMapper mapper;

	private final Outbox outbox;

	private final StoryTables tables;

	StoryStore(JdbcClient jdbc, ObjectMapper mapper, Outbox outbox) {
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.outbox = outbox;
		this.tables = new StoryTables(jdbc, mapper);
	}

	StoryBible bible(UUID bookId) {
		return this.tables.bible(bookId);
	}

	Optional<Outline> outline(UUID bookId) {
		return this.tables.outline(bookId);
	}

	/**
	 * Adds a generated bible to the book's: blank fields are filled, existing ones kept;
	 * entries are added unless the bible already has one of that name. What the book's
	 * series bible already says is inherited, not overridden: a field the series fills in
	 * stays blank in the book, and an entry named as a series entry is not added.
	 */
	void mergeBible(UUID bookId, StoryBible generated) {
		this.jdbc.sql("select id from books where id = :id for update").param("id", bookId).query(UUID.class).single();
		this.jdbc.sql("insert into bibles (id, book_id) values (:id, :book) on conflict (book_id) do nothing")
			.param("id", Ids.newId())
			.param("book", bookId)
			.update();
		UUID bibleId = this.jdbc
			.sql("""
					update bibles b set premise = %s, synopsis = %s, point_of_view = %s, tense = %s, voice = %s,
					    sample_passage = %s, version = b.version + 1, updated_at = now()
					from books k left join bibles s on s.series_id = k.series_id
					where k.id = :book and b.book_id = k.id returning b.id
					""".formatted(fill("premise", ":premise"), fill("synopsis", ":synopsis"),
					fill("point_of_view", ":pov"), fill("tense", ":tense"), fill("voice", ":voice"),
					fill("sample_passage", ":sample")))
			.param("premise", generated.premise())
			.param("synopsis", generated.synopsis())
			.param("pov", generated.style().pointOfView())
			.param("tense", generated.style().tense())
			.param("voice", generated.style().voice())
			.param("sample", generated.style().samplePassage())
			.param("book", bookId)
			.query(UUID.class)
			.single();
		Set<String> inherited = this.tables.seriesEntryKeys(bookId);
		for (BibleEntry entry : generated.entries()) {
			String kind = switch (entry) {
				case StoryCharacter ignored -> "character";
				case Location ignored -> "location";
				case LoreItem ignored -> "lore";
			};
			if (inherited.contains(StoryTables.entryKey(kind, entry.name()))) {
				continue;
			}
			StoryCharacter character = (entry instanceof StoryCharacter c) ? c : null;
			this.jdbc
				.sql("""
						insert into bible_entries (id, bible_id, kind, position, name, aliases, role, description, traits,
						    arc)
						values (:id, :bible, :kind,
						    (select coalesce(max(position), 0) + 1 from bible_entries where bible_id = :bible and kind = :kind),
						    :name, :aliases, :role, :description, :traits, :arc)
						on conflict (bible_id, kind, lower(name)) do nothing
						""")
				.param("id", Ids.newId())
				.param("bible", bibleId)
				.param("kind", kind)
				.param("name", entry.name())
				.param("aliases", entry.aliases().toArray(String[]::new))
				.param("role", (character != null) ? character.role() : null)
				.param("description", entry.description())
				.param("traits", (character != null) ? character.traits().toArray(String[]::new) : new String[0])
				.param("arc", (character != null) ? character.arc() : null)
				.update();
		}
	}

	/**
	 * The book bible's column: kept when the book or its series fills it in, else the
	 * generated value (blank as null).
	 */
	private static String fill(String column, String generated) {
		return "case when coalesce(nullif(b.%1$s, ''), nullif(s.%1$s, '')) is not null then b.%1$s else nullif(%2$s, '') end"
			.formatted(column, generated);
	}

	void writeSynopsis(UUID bookId, String synopsis) {
		this.jdbc.sql("select id from books where id = :id for update").param("id", bookId).query(UUID.class).single();
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
	 * revision authored by the job and the provenance of its text.
	 */
	ChapterRow createChapter(UUID bookId, UUID jobId, int stepIndex, UUID userId, int number, String title, String text,
			GenerationResult result) {
		this.jdbc.sql("select id from books where id = :id for update").param("id", bookId).query(UUID.class).single();
		Optional<ChapterRow> existing = generatedChapter(jobId, number);
		if (existing.isPresent()) {
			return existing.get();
		}
		int position = this.jdbc.sql("select count(*) + 1 from chapters where book_id = :book")
			.param("book", bookId)
			.query(Integer.class)
			.single();
		UUID id = Ids.newId();
		int words = Texts.wordCount(text);
		this.jdbc.sql("""
				insert into chapters (id, book_id, position, title, content, word_count, status, generated_by_job,
				    generated_number)
				values (:id, :book, :position, :title, :content, :words, 'draft', :job, :number)
				""")
			.param("id", id)
			.param("book", bookId)
			.param("position", position)
			.param("title", title)
			.param("content", text)
			.param("words", words)
			.param("job", jobId)
			.param("number", number)
			.update();
		this.jdbc.sql("""
				insert into chapter_revisions (id, chapter_id, book_id, number, kind, author_id, title, content,
				    word_count, chapter_version, generation_job_id)
				values (:id, :chapter, :book, 1, 'generated', :author, :title, :content, :words, 1, :job)
				""")
			.param("id", Ids.newId())
			.param("chapter", id)
			.param("book", bookId)
			.param("author", userId)
			.param("title", title)
			.param("content", text)
			.param("words", words)
			.param("job", jobId)
			.update();
		this.jdbc.sql("""
				insert into chapter_provenance (id, chapter_id, book_id, revision, start_offset, end_offset, job_id,
				    step_index, operation, provider, model, offline)
				values (:id, :chapter, :book, 1, 0, :end, :job, :step, 'chapter-prose', :provider, :model, :offline)
				""")
			.param("id", Ids.newId())
			.param("chapter", id)
			.param("book", bookId)
			.param("end", text.length())
			.param("job", jobId)
			.param("step", stepIndex)
			.param("provider", result.provider())
			.param("model", result.model())
			.param("offline", result.offline())
			.update();
		this.jdbc.sql("""
				update books set word_count = (select coalesce(sum(word_count), 0) from chapters where book_id = :book),
				    status = case when status = 'draft' then 'writing' else status end, updated_at = now()
				where id = :book
				""").param("book", bookId).update();
		this.outbox.publish(new ChapterUpdated(bookId, id, position, title, "draft", words, 1, Instant.now()));
		return new ChapterRow(id, position, title, text);
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
