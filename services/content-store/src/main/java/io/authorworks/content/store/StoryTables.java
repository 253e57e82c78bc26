package io.authorworks.content.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.content.ai.story.ChapterOutline;
import io.authorworks.content.ai.story.Location;
import io.authorworks.content.ai.story.LoreItem;
import io.authorworks.content.ai.story.Outline;
import io.authorworks.content.ai.story.StoryBible;
import io.authorworks.content.ai.story.StoryCharacter;
import io.authorworks.content.ai.story.StyleGuide;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a book's story bible and outline as the AI library's records, for quotes and
 * prompts. content-service and content-worker share the content schema and both read it
 * through this one class.
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
	 * The book's own bible with its title and genres; empty parts where none is written.
	 */
	public StoryBible bible(UUID bookId) {
		Book book = book(bookId);
		Optional<Fields> fields = this.jdbc.sql("""
				select id, premise, synopsis, point_of_view, tense, voice, sample_passage from bibles
				where book_id = :book
				""")
			.param("book", bookId)
			.query((rs, n) -> new Fields(rs.getObject("id", UUID.class), rs.getString("premise"),
					rs.getString("synopsis"), rs.getString("point_of_view"), rs.getString("tense"),
					rs.getString("voice"), rs.getString("sample_passage")))
			.optional();
		if (fields.isEmpty()) {
			return new StoryBible(book.title(), "", "", book.genres(), "", StyleGuide.DEFAULT, List.of(), List.of(),
					List.of(), "");
		}
		Fields f = fields.get();
		List<StoryCharacter> characters = new ArrayList<>();
		List<Location> locations = new ArrayList<>();
		List<LoreItem> lore = new ArrayList<>();
		StringBuilder notes = new StringBuilder();
		this.jdbc.sql("""
				select kind, name, aliases, role, description, traits, arc from bible_entries
				where bible_id = :bible order by kind, position
				""").param("bible", f.id()).query((ResultSet rs) -> {
			String description = Objects.requireNonNullElse(rs.getString("description"), "");
			switch (rs.getString("kind")) {
				case "character" ->
					characters.add(new StoryCharacter(rs.getString("name"), strings(rs.getArray("aliases")),
							rs.getString("role"), description, strings(rs.getArray("traits")), rs.getString("arc")));
				case "location" ->
					locations.add(new Location(rs.getString("name"), strings(rs.getArray("aliases")), description));
				case "lore" ->
					lore.add(new LoreItem(rs.getString("name"), strings(rs.getArray("aliases")), description));
				default -> notes.append(rs.getString("name")).append(": ").append(description).append('\n');
			}
		});
		StyleGuide style = new StyleGuide(orDefault(f.pointOfView(), StyleGuide.DEFAULT.pointOfView()),
				orDefault(f.tense(), StyleGuide.DEFAULT.tense()), f.voice(), f.samplePassage());
		return new StoryBible(book.title(), f.premise(), f.synopsis(), book.genres(), "", style, characters, locations,
				lore, notes.toString());
	}

	/** A book's title and genres. */
	public Book book(UUID bookId) {
		return this.jdbc.sql("select title, genres from books where id = :id")
			.param("id", bookId)
			.query((rs, n) -> new Book(rs.getString("title"), strings(rs.getArray("genres"))))
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
	public record Book(String title, List<String> genres) {
	}

	private record Fields(UUID id, @Nullable String premise, @Nullable String synopsis, @Nullable String pointOfView,
			@Nullable String tense, @Nullable String voice, @Nullable String samplePassage) {
	}

}
