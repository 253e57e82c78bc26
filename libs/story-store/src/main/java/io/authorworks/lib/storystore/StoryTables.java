package io.authorworks.lib.storystore;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.authorworks.lib.storyai.story.BibleEntry;
import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.Location;
import io.authorworks.lib.storyai.story.LoreItem;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.StoryCharacter;
import io.authorworks.lib.storyai.story.StyleGuide;
import io.authorworks.platform.core.Ids;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.authorworks.lib.storystore.BibleInheritance.pick;

/**
 * Reads a book's story bible and outline as the AI library's records, for quotes and
 * prompts, and merges a generated bible into the book's. content-service and
 * content-worker share the content schema and both go through this one class, so a book
 * inherits its series' bible by one rule ({@link BibleInheritance}) whoever reads or
 * writes it.
 */
public class StoryTables {

	private static final TypeReference<List<ChapterOutline>> CHAPTERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper mapper;

	public StoryTables(JdbcClient jdbc, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	/**
	 * The bible the book is written from, with its title and genres: the book's own bible
	 * over its series' bible when it belongs to one ({@link BibleInheritance}), defaults
	 * where nothing is written.
	 */
	public StoryBible bible(UUID bookId) {
		Book book = book(bookId);
		Written own = written("book_id", bookId);
		Written written = (book.seriesId() != null) ? written("series_id", book.seriesId()).under(own) : own;
		List<StoryCharacter> characters = new ArrayList<>();
		List<Location> locations = new ArrayList<>();
		List<LoreItem> lore = new ArrayList<>();
		StringBuilder notes = new StringBuilder();
		for (Entry entry : written.entries()) {
			switch (entry.kind()) {
				case "character" -> characters
					.add(new StoryCharacter(entry.name(), entry.aliases(), Objects.requireNonNullElse(entry.role(), ""),
							entry.description(), entry.traits(), Objects.requireNonNullElse(entry.arc(), "")));
				case "location" -> locations.add(new Location(entry.name(), entry.aliases(), entry.description()));
				case "lore" -> lore.add(new LoreItem(entry.name(), entry.aliases(), entry.description()));
				default -> notes.append(entry.name()).append(": ").append(entry.description()).append('\n');
			}
		}
		Fields f = written.fields();
		StyleGuide style = new StyleGuide(orDefault(f.pointOfView(), StyleGuide.DEFAULT.pointOfView()),
				orDefault(f.tense(), StyleGuide.DEFAULT.tense()), Objects.requireNonNullElse(f.voice(), ""),
				Objects.requireNonNullElse(f.samplePassage(), ""));
		return new StoryBible(book.title(), Objects.requireNonNullElse(f.premise(), ""),
				Objects.requireNonNullElse(f.synopsis(), ""), book.genres(), "", style, characters, locations, lore,
				notes.toString());
	}

	/**
	 * Adds a generated bible to the book's: blank fields are filled, existing ones kept;
	 * entries are added unless the book's bible already has one of that {@link #entryKey
	 * key}. What the book's series bible already says is inherited, not overridden
	 * ({@link BibleInheritance#pick}): a field the series fills in stays blank in the
	 * book, and an entry named as a series entry is not added. The caller holds the book
	 * row's lock.
	 */
	public void mergeGenerated(UUID bookId, StoryBible generated) {
		this.jdbc.sql("insert into bibles (id, book_id) values (:id, :book) on conflict (book_id) do nothing")
			.param("id", Ids.newId())
			.param("book", bookId)
			.update();
		Book book = book(bookId);
		Written own = written("book_id", bookId);
		Written series = (book.seriesId() != null) ? written("series_id", book.seriesId())
				: new Written(Fields.NONE, List.of());
		Fields b = own.fields();
		Fields s = series.fields();
		UUID bibleId = Objects.requireNonNull(b.id(), "the book's bible was just made");
		StyleGuide style = generated.style();
		this.jdbc.sql("""
				update bibles set premise = :premise, synopsis = :synopsis, point_of_view = :pov, tense = :tense,
				    voice = :voice, sample_passage = :sample, version = version + 1, updated_at = now()
				where id = :id
				""")
			.param("premise", fill(b.premise(), s.premise(), generated.premise()))
			.param("synopsis", fill(b.synopsis(), s.synopsis(), generated.synopsis()))
			.param("pov", fill(b.pointOfView(), s.pointOfView(), style.pointOfView()))
			.param("tense", fill(b.tense(), s.tense(), style.tense()))
			.param("voice", fill(b.voice(), s.voice(), style.voice()))
			.param("sample", fill(b.samplePassage(), s.samplePassage(), style.samplePassage()))
			.param("id", bibleId)
			.update();
		Set<String> taken = new HashSet<>();
		own.entries().forEach((entry) -> taken.add(entry.key()));
		series.entries().forEach((entry) -> taken.add(entry.key()));
		for (BibleEntry entry : generated.entries()) {
			String kind = switch (entry) {
				case StoryCharacter ignored -> "character";
				case Location ignored -> "location";
				case LoreItem ignored -> "lore";
			};
			if (!taken.add(entryKey(kind, entry.name()))) {
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
	 * A field of the book's bible after a merge: the book's own value when the book or
	 * its series fills it in, else the generated value (blank as null).
	 */
	private static @Nullable String fill(@Nullable String book, @Nullable String series, @Nullable String generated) {
		String inherited = pick(book, series);
		if (inherited != null && !inherited.isBlank()) {
			return book;
		}
		return (generated == null || generated.isBlank()) ? null : generated;
	}

	/**
	 * The keys ({@link #entryKey}) of the entries in the bible of the book's series; none
	 * when the book is in no series.
	 */
	public Set<String> seriesEntryKeys(UUID bookId) {
		UUID series = book(bookId).seriesId();
		if (series == null) {
			return Set.of();
		}
		return written("series_id", series).entries().stream().map(Entry::key).collect(Collectors.toSet());
	}

	/**
	 * What makes two bible entries the same entry: their kind ({@code character},
	 * {@code location}, {@code lore}, {@code note}) and {@link BibleInheritance#nameKey}.
	 */
	public static String entryKey(String kind, String name) {
		return kind + ":" + BibleInheritance.nameKey(name);
	}

	/** The bible a book or series has written, empty when it has none. */
	private Written written(String ownerColumn, UUID ownerId) {
		Optional<Fields> fields = this.jdbc.sql("""
				select id, premise, synopsis, point_of_view, tense, voice, sample_passage from bibles
				where %s = :owner
				""".formatted(ownerColumn))
			.param("owner", ownerId)
			.query((rs, n) -> new Fields(rs.getObject("id", UUID.class), rs.getString("premise"),
					rs.getString("synopsis"), rs.getString("point_of_view"), rs.getString("tense"),
					rs.getString("voice"), rs.getString("sample_passage")))
			.optional();
		if (fields.isEmpty()) {
			return new Written(Fields.NONE, List.of());
		}
		List<Entry> entries = this.jdbc.sql("""
				select kind, name, aliases, role, description, traits, arc from bible_entries
				where bible_id = :bible order by kind, position
				""")
			.param("bible", fields.get().id())
			.query((rs, n) -> new Entry(rs.getString("kind"), rs.getString("name"), strings(rs.getArray("aliases")),
					rs.getString("role"), Objects.requireNonNullElse(rs.getString("description"), ""),
					strings(rs.getArray("traits")), rs.getString("arc")))
			.list();
		return new Written(fields.get(), entries);
	}

	/** A book's title and genres. */
	public Book book(UUID bookId) {
		return this.jdbc.sql("select title, genres, series_id from books where id = :id")
			.param("id", bookId)
			.query((rs, n) -> new Book(rs.getString("title"), strings(rs.getArray("genres")),
					rs.getObject("series_id", UUID.class)))
			.single();
	}

	/** The outline the book's last outline step wrote, if any. */
	public Optional<Outline> outline(UUID bookId) {
		return this.jdbc.sql("select structure, chapters::text as chapters from book_outlines where book_id = :book")
			.param("book", bookId)
			.query((rs, n) -> new Outline(rs.getString("structure"),
					this.mapper.readValue(rs.getString("chapters"), CHAPTERS)))
			.optional();
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value;
	}

	/** A text array column as a list; SQL null as an empty list. */
	public static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}

	/** What the story needs of a book row. */
	public record Book(String title, List<String> genres, @Nullable UUID seriesId) {
	}

	private record Fields(@Nullable UUID id, @Nullable String premise, @Nullable String synopsis,
			@Nullable String pointOfView, @Nullable String tense, @Nullable String voice,
			@Nullable String samplePassage) {

		static final Fields NONE = new Fields(null, null, null, null, null, null, null);

	}

	private record Entry(String kind, String name, List<String> aliases, @Nullable String role, String description,
			List<String> traits, @Nullable String arc) {

		String key() {
			return entryKey(this.kind, this.name);
		}

	}

	/** A bible as written for one book or series, before defaults. */
	private record Written(Fields fields, List<Entry> entries) {

		/** This (a series' bible) with the book's bible over it. */
		Written under(Written book) {
			Fields s = this.fields;
			Fields b = book.fields();
			Fields fields = new Fields(b.id(), pick(b.premise(), s.premise()), pick(b.synopsis(), s.synopsis()),
					pick(b.pointOfView(), s.pointOfView()), pick(b.tense(), s.tense()), pick(b.voice(), s.voice()),
					pick(b.samplePassage(), s.samplePassage()));
			List<Entry> entries = new ArrayList<>(BibleInheritance.overlay(this.entries, book.entries(), Entry::key));
			// Kinds stay together, series entries first within each.
			entries.sort(Comparator.comparing(Entry::kind));
			return new Written(fields, List.copyOf(entries));
		}

	}

}
