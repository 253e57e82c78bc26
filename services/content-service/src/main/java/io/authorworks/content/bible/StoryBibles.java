package io.authorworks.content.bible;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.time.Instant;

import io.authorworks.content.ContentProperties;
import io.authorworks.content.book.Book;
import io.authorworks.content.book.Books;
import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.Permission;
import io.authorworks.content.series.SeriesCatalog;
import io.authorworks.lib.storystore.BibleInheritance;
import io.authorworks.content.support.PgArrays;
import io.authorworks.platform.core.Checks;
import io.authorworks.platform.core.ConflictException;
import io.authorworks.platform.core.ETags;
import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and changing story bibles of books and series. A bible row is made on its first
 * change; until then a bible reads as empty at version 0. Book members read a book's
 * bible and editors change it; a series' bible is its owner's.
 */
@Service
class StoryBibles {

	private final JdbcClient jdbc;

	private final BookAccess access;

	private final SeriesCatalog series;

	private final Books books;

	private final ContentProperties properties;

	StoryBibles(JdbcClient jdbc, BookAccess access, SeriesCatalog series, Books books, ContentProperties properties) {
		this.jdbc = jdbc;
		this.access = access;
		this.series = series;
		this.books = books;
		this.properties = properties;
	}

	BibleView read(Caller.User user, Scope scope) {
		authorize(user, scope, false);
		return view(scope);
	}

	/**
	 * The book's bible over its series' bible ({@link BibleMerge}); just the book's when
	 * it is in no series.
	 */
	BibleView resolved(Caller.User user, UUID bookId) {
		authorize(user, Scope.book(bookId), false);
		Book book = this.books.find(bookId).orElseThrow();
		BibleView own = view(Scope.book(bookId));
		if (book.seriesId() == null) {
			return own;
		}
		return BibleMerge.resolve(view(Scope.series(book.seriesId())), own);
	}

	@Transactional
	BibleView update(Caller.User user, Scope scope, FieldChanges changes, ETags.Precondition precondition) {
		authorize(user, scope, true);
		Checks checks = new Checks();
		BibleView.Fields requested = new BibleView.Fields(checks.longText("premise", changes.premise(), 5_000),
				checks.longText("synopsis", changes.synopsis(), 50_000),
				checks.optional("pointOfView", changes.pointOfView(), 200),
				checks.optional("tense", changes.tense(), 200), checks.longText("voice", changes.voice(), 5_000),
				checks.longText("samplePassage", changes.samplePassage(), 20_000));
		checks.throwIfInvalid();
		UUID bibleId = ensure(scope);
		Row row = lockRow(bibleId);
		precondition.require(row.version(), "story bible");
		BibleView.Fields current = row.fields();
		BibleView.Fields merged = new BibleView.Fields(choose(requested.premise(), current.premise()),
				choose(requested.synopsis(), current.synopsis()),
				choose(requested.pointOfView(), current.pointOfView()), choose(requested.tense(), current.tense()),
				choose(requested.voice(), current.voice()), choose(requested.samplePassage(), current.samplePassage()));
		if (!merged.equals(current)) {
			this.jdbc.sql("""
					update bibles set premise = :premise, synopsis = :synopsis, point_of_view = :pov, tense = :tense,
					       voice = :voice, sample_passage = :sample, version = version + 1, updated_at = now()
					where id = :id
					""")
				.param("premise", merged.premise())
				.param("synopsis", merged.synopsis())
				.param("pov", merged.pointOfView())
				.param("tense", merged.tense())
				.param("voice", merged.voice())
				.param("sample", merged.samplePassage())
				.param("id", bibleId)
				.update();
		}
		return view(scope);
	}

	List<BibleView.Entry> entries(Caller.User user, Scope scope, EntryKind kind) {
		authorize(user, scope, false);
		return bibleId(scope).map((id) -> entries(id, kind)).orElse(List.of());
	}

	BibleView.Entry entry(Caller.User user, Scope scope, EntryKind kind, UUID entryId) {
		authorize(user, scope, false);
		return findEntry(scope, kind, entryId);
	}

	@Transactional
	BibleView.Entry create(Caller.User user, Scope scope, EntryKind kind, EntryChanges request) {
		authorize(user, scope, true);
		Checked checked = check(kind, request, true);
		UUID bibleId = ensure(scope);
		lockRow(bibleId);
		List<BibleView.Entry> current = entries(bibleId, kind);
		if (current.size() >= this.properties.maxBibleEntries()) {
			throw new InvalidRequestException("name",
					"A collection can hold at most " + this.properties.maxBibleEntries() + " entries.");
		}
		requireUniqueName(current, Objects.requireNonNull(checked.name()), null);
		UUID id = Ids.newId();
		this.jdbc.sql("""
				insert into bible_entries (id, bible_id, kind, position, name, aliases, role, description, traits,
				                           arc, category)
				values (:id, :bible, :kind, :position, :name, cast(:aliases as text[]), :role, :description,
				        cast(:traits as text[]), :arc, :category)
				""")
			.param("id", id)
			.param("bible", bibleId)
			.param("kind", kind.value())
			.param("position", current.size() + 1)
			.param("name", checked.name())
			.param("aliases", PgArrays.literal(Objects.requireNonNullElse(checked.aliases(), List.of())))
			.param("role", emptyToNull(checked.role()))
			.param("description", emptyToNull(checked.description()))
			.param("traits", PgArrays.literal(Objects.requireNonNullElse(checked.traits(), List.of())))
			.param("arc", emptyToNull(checked.arc()))
			.param("category", emptyToNull(checked.category()))
			.update();
		return findEntry(scope, kind, id);
	}

	@Transactional
	BibleView.Entry update(Caller.User user, Scope scope, EntryKind kind, UUID entryId, EntryChanges request,
			ETags.Precondition precondition) {
		authorize(user, scope, true);
		Checked checked = check(kind, request, false);
		UUID bibleId = bibleId(scope).orElseThrow(StoryBibles::entryNotFound);
		lockRow(bibleId);
		BibleView.Entry entry = findEntry(scope, kind, entryId);
		precondition.require(entry.version(), "entry");
		if (checked.name() != null) {
			requireUniqueName(entries(bibleId, kind), checked.name(), entryId);
		}
		this.jdbc.sql("""
				update bible_entries set name = :name, aliases = cast(:aliases as text[]), role = :role,
				       description = :description, traits = cast(:traits as text[]), arc = :arc, category = :category,
				       version = version + 1, updated_at = now()
				where id = :id
				""")
			.param("name", (checked.name() != null) ? checked.name() : entry.name())
			.param("aliases", PgArrays.literal((checked.aliases() != null) ? checked.aliases() : entry.aliases()))
			.param("role", (checked.role() != null) ? emptyToNull(checked.role()) : entry.role())
			.param("description",
					(checked.description() != null) ? emptyToNull(checked.description()) : entry.description())
			.param("traits", PgArrays.literal((checked.traits() != null) ? checked.traits() : entry.traits()))
			.param("arc", (checked.arc() != null) ? emptyToNull(checked.arc()) : entry.arc())
			.param("category", (checked.category() != null) ? emptyToNull(checked.category()) : entry.category())
			.param("id", entryId)
			.update();
		return findEntry(scope, kind, entryId);
	}

	@Transactional
	void delete(Caller.User user, Scope scope, EntryKind kind, UUID entryId, ETags.Precondition precondition) {
		authorize(user, scope, true);
		UUID bibleId = bibleId(scope).orElseThrow(StoryBibles::entryNotFound);
		lockRow(bibleId);
		BibleView.Entry entry = findEntry(scope, kind, entryId);
		precondition.require(entry.version(), "entry");
		this.jdbc.sql("delete from bible_entries where id = :id").param("id", entryId).update();
		this.jdbc.sql("""
				update bible_entries set position = position - 1
				where bible_id = :bible and kind = :kind and position > :position
				""").param("bible", bibleId).param("kind", kind.value()).param("position", entry.position()).update();
	}

	@Transactional
	List<BibleView.Entry> reorder(Caller.User user, Scope scope, EntryKind kind, @Nullable List<UUID> order) {
		authorize(user, scope, true);
		UUID bibleId = ensure(scope);
		lockRow(bibleId);
		List<UUID> current = entries(bibleId, kind).stream().map(BibleView.Entry::id).toList();
		Checks checks = new Checks();
		if (order == null) {
			checks.add("entryIds", "Required: every entry id of the collection, in the new order.");
		}
		else {
			Set<UUID> seen = new HashSet<>();
			for (int i = 0; i < order.size(); i++) {
				if (order.get(i) == null || !current.contains(order.get(i)) || !seen.add(order.get(i))) {
					checks.add("entryIds[" + i + "]", "Not an entry of this collection, or named twice.");
				}
			}
			if (checks.valid() && seen.size() != current.size()) {
				checks.add("entryIds", "Name all " + current.size() + " entries of the collection.");
			}
		}
		checks.throwIfInvalid();
		Objects.requireNonNull(order); // refused above when missing
		this.jdbc.sql("""
				update bible_entries e set position = o.position
				from unnest(cast(:ids as uuid[])) with ordinality as o(id, position)
				where e.id = o.id and e.bible_id = :bible and e.position <> o.position
				""").param("ids", PgArrays.literal(order)).param("bible", bibleId).update();
		return entries(bibleId, kind);
	}

	private void authorize(Caller.User user, Scope scope, boolean write) {
		if (scope.book()) {
			this.access.require(user, scope.ownerId(), write ? Permission.EDIT : Permission.READ);
		}
		else {
			this.series.requireOwned(user, scope.ownerId());
		}
	}

	private BibleView view(Scope scope) {
		Optional<UUID> bibleId = bibleId(scope);
		if (bibleId.isEmpty()) {
			Map<EntryKind, List<BibleView.Entry>> none = new EnumMap<>(EntryKind.class);
			for (EntryKind kind : EntryKind.values()) {
				none.put(kind, List.of());
			}
			return new BibleView(BibleView.Fields.EMPTY, none, 0, null);
		}
		Row row = this.jdbc.sql("select " + Row.COLUMNS + " from bibles where id = :id")
			.param("id", bibleId.get())
			.query(Row::of)
			.single();
		Map<EntryKind, List<BibleView.Entry>> entries = new EnumMap<>(EntryKind.class);
		for (EntryKind kind : EntryKind.values()) {
			entries.put(kind, entries(bibleId.get(), kind));
		}
		return new BibleView(row.fields(), entries, row.version(), row.updatedAt());
	}

	private Optional<UUID> bibleId(Scope scope) {
		return this.jdbc.sql("select id from bibles where " + scope.column() + " = :owner")
			.param("owner", scope.ownerId())
			.query(UUID.class)
			.optional();
	}

	private UUID ensure(Scope scope) {
		this.jdbc
			.sql("insert into bibles (id, " + scope.column() + ", version) values (:id, :owner, 0) " + "on conflict ("
					+ scope.column() + ") do nothing")
			.param("id", Ids.newId())
			.param("owner", scope.ownerId())
			.update();
		return bibleId(scope).orElseThrow();
	}

	private Row lockRow(UUID bibleId) {
		return this.jdbc.sql("select " + Row.COLUMNS + " from bibles where id = :id for update")
			.param("id", bibleId)
			.query(Row::of)
			.single();
	}

	private List<BibleView.Entry> entries(UUID bibleId, EntryKind kind) {
		return this.jdbc.sql("select * from bible_entries where bible_id = :bible and kind = :kind order by position")
			.param("bible", bibleId)
			.param("kind", kind.value())
			.query((rs, n) -> entry(rs, sourceOf(bibleId)))
			.list();
	}

	private String sourceOf(UUID bibleId) {
		return this.jdbc
			.sql("select case when book_id is null then 'series' else 'book' end from bibles where id = :id")
			.param("id", bibleId)
			.query(String.class)
			.single();
	}

	private BibleView.Entry findEntry(Scope scope, EntryKind kind, UUID entryId) {
		UUID bibleId = bibleId(scope).orElseThrow(StoryBibles::entryNotFound);
		return entries(bibleId, kind).stream()
			.filter((e) -> e.id().equals(entryId))
			.findFirst()
			.orElseThrow(StoryBibles::entryNotFound);
	}

	private static void requireUniqueName(List<BibleView.Entry> entries, String name, @Nullable UUID except) {
		String key = BibleInheritance.nameKey(name);
		boolean taken = entries.stream()
			.anyMatch((e) -> !e.id().equals(except) && BibleInheritance.nameKey(e.name()).equals(key));
		if (taken) {
			throw new ConflictException(ProblemType.CONFLICT,
					"This collection already has an entry called '" + name + "'.");
		}
	}

	private static Checked check(EntryKind kind, EntryChanges request, boolean creating) {
		Checks checks = new Checks();
		String name = (creating || request.name() != null) ? checks.required("name", request.name(), 200) : null;
		Checked checked = new Checked(name, checks.texts("aliases", request.aliases(), 20, 200),
				checks.optional("role", request.role(), 200),
				checks.longText("description", request.description(), 20_000),
				checks.texts("traits", request.traits(), 30, 200), checks.longText("arc", request.arc(), 5_000),
				checks.optional("category", request.category(), 100));
		notUsed(checks, kind, "aliases", request.aliases());
		notUsed(checks, kind, "role", request.role());
		notUsed(checks, kind, "traits", request.traits());
		notUsed(checks, kind, "arc", request.arc());
		notUsed(checks, kind, "category", request.category());
		checks.throwIfInvalid();
		return checked;
	}

	private static void notUsed(Checks checks, EntryKind kind, String field, @Nullable Object value) {
		if (value != null && !kind.uses(field)) {
			checks.add(field, "Not used for " + kind.collection() + ".");
		}
	}

	private static @Nullable String choose(@Nullable String requested, @Nullable String current) {
		if (requested == null) {
			return current;
		}
		return requested.isBlank() ? null : requested;
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static NotFoundException entryNotFound() {
		return new NotFoundException("There is no such entry in this story bible.");
	}

	private static BibleView.Entry entry(ResultSet rs, String source) throws SQLException {
		return new BibleView.Entry(rs.getObject("id", UUID.class), EntryKind.of(rs.getString("kind")),
				rs.getInt("position"), rs.getString("name"), strings(rs.getArray("aliases")), rs.getString("role"),
				rs.getString("description"), strings(rs.getArray("traits")), rs.getString("arc"),
				rs.getString("category"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), source);
	}

	private static List<String> strings(java.sql.@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add(String.valueOf(value));
		}
		return List.copyOf(values);
	}

	/**
	 * Whose bible: a book's or a series'.
	 *
	 * @param book true for a book, false for a series
	 * @param ownerId the book or series id
	 */
	record Scope(boolean book, UUID ownerId) {

		static Scope book(UUID bookId) {
			return new Scope(true, bookId);
		}

		static Scope series(UUID seriesId) {
			return new Scope(false, seriesId);
		}

		String column() {
			return this.book ? "book_id" : "series_id";
		}

	}

	/**
	 * Changes to the prose fields: absent fields stay, empty ones are cleared.
	 */
	record FieldChanges(@Nullable String premise, @Nullable String synopsis, @Nullable String pointOfView,
			@Nullable String tense, @Nullable String voice, @Nullable String samplePassage) {
	}

	/**
	 * A new entry, or changes to one: absent fields stay, empty ones are cleared.
	 */
	record EntryChanges(@Nullable String name, @Nullable List<String> aliases, @Nullable String role,
			@Nullable String description, @Nullable List<String> traits, @Nullable String arc,
			@Nullable String category) {
	}

	private record Checked(@Nullable String name, @Nullable List<String> aliases, @Nullable String role,
			@Nullable String description, @Nullable List<String> traits, @Nullable String arc,
			@Nullable String category) {
	}

	private record Row(BibleView.Fields fields, long version, Instant updatedAt) {

		static final String COLUMNS = "premise, synopsis, point_of_view, tense, voice, sample_passage, version, updated_at";

		static Row of(ResultSet rs, int n) throws SQLException {
			Timestamp updated = rs.getTimestamp("updated_at");
			return new Row(new BibleView.Fields(rs.getString("premise"), rs.getString("synopsis"),
					rs.getString("point_of_view"), rs.getString("tense"), rs.getString("voice"),
					rs.getString("sample_passage")), rs.getLong("version"), updated.toInstant());
		}

	}

}
