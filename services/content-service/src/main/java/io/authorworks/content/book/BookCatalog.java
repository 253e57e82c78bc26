package io.authorworks.content.book;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.authorworks.contracts.content.BookDeleted;
import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.Memberships;
import io.authorworks.content.member.Permission;
import io.authorworks.content.member.Role;
import io.authorworks.content.support.PgArrays;
import io.authorworks.content.support.Titles;
import io.authorworks.platform.core.Checks;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.ETags;
import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.events.Outbox;
import io.authorworks.platform.web.security.Caller;
import io.authorworks.platform.web.security.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, listing, changing and deleting books, with the access policy applied and
 * every change announced on {@code content.events}.
 */
@Service
class BookCatalog {

	static final List<String> WRITABLE_STATUSES = List.of("draft", "writing", "editing", "archived");

	/** The orders the bookshelf can be listed in, with their keyset condition. */
	private static final Map<String, Sort> SORTS = Map.of("-updatedAt",
			new Sort("b.updated_at desc, b.id desc", "(b.updated_at, b.id) < (:k, :id)", true), "updatedAt",
			new Sort("b.updated_at, b.id", "(b.updated_at, b.id) > (:k, :id)", true), "-createdAt",
			new Sort("b.created_at desc, b.id desc", "(b.created_at, b.id) < (:k, :id)", true), "createdAt",
			new Sort("b.created_at, b.id", "(b.created_at, b.id) > (:k, :id)", true), "title",
			new Sort("lower(b.title), b.id", "(lower(b.title), b.id) > (:k, :id)", false), "-title",
			new Sort("lower(b.title) desc, b.id desc", "(lower(b.title), b.id) < (:k, :id)", false));

	private final JdbcClient jdbc;

	private final Books books;

	private final BookAccess access;

	private final Memberships memberships;

	private final Outbox outbox;

	BookCatalog(JdbcClient jdbc, Books books, BookAccess access, Memberships memberships, Outbox outbox) {
		this.jdbc = jdbc;
		this.books = books;
		this.access = access;
		this.memberships = memberships;
		this.outbox = outbox;
	}

	@Transactional
	Book create(Caller.User caller, BookChanges request) {
		caller.requireRole(Roles.AUTHOR);
		Checks checks = new Checks();
		String title = checks.required("title", request.title(), Titles.MAX_LENGTH);
		Details details = details(checks, request);
		String status = checks.oneOf("status", request.status(), List.of("draft", "writing", "editing"));
		String visibility = checks.oneOf("visibility", request.visibility(), Book.VISIBILITIES);
		checks.throwIfInvalid();
		UUID id = Ids.newId();
		this.jdbc.sql("""
				insert into books (id, owner_id, title, subtitle, description, genres, tags, language, status,
				                   visibility, cover_ref)
				values (:id, :owner, :title, :subtitle, :description, cast(:genres as text[]), cast(:tags as text[]),
				        :language, :status, :visibility, :cover)
				""")
			.param("id", id)
			.param("owner", caller.id())
			.param("title", title)
			.param("subtitle", emptyToNull(details.subtitle()))
			.param("description", emptyToNull(details.description()))
			.param("genres", PgArrays.literal(Objects.requireNonNullElse(details.genres(), List.of())))
			.param("tags", PgArrays.literal(Objects.requireNonNullElse(details.tags(), List.of())))
			.param("language", Objects.requireNonNullElse(details.language(), "en"))
			.param("status", Objects.requireNonNullElse(status, "draft"))
			.param("visibility", Objects.requireNonNullElse(visibility, "private"))
			.param("cover", emptyToNull(details.coverRef()))
			.update();
		this.memberships.addOwner(id, caller.id());
		Book book = this.books.find(id).orElseThrow();
		this.books.announce(book);
		return book;
	}

	Page<Shelved> shelf(Caller.User caller, @Nullable String status, @Nullable String sortName, @Nullable String cursor,
			int limit) {
		String sortKey = (sortName != null) ? sortName : "-updatedAt";
		Sort sort = SORTS.get(sortKey);
		if (sort == null) {
			throw new ProblemException(ProblemType.BAD_REQUEST,
					"Parameter 'sort' must be one of " + SORTS.keySet().stream().sorted().toList() + ".");
		}
		if (status != null && !Book.STATUSES.contains(status)) {
			throw new ProblemException(ProblemType.BAD_REQUEST,
					"Parameter 'status' must be one of " + Book.STATUSES + ".");
		}
		Cursors.Keyset after = Cursors.keyset(cursor, "books" + sortKey, 2);
		Object key = null;
		UUID afterId = null;
		if (after != null) {
			afterId = after.uuid(1);
			key = sort.timestamp() ? Timestamp.from(after.micros(0)) : after.text(0);
		}
		String sql = "select " + Books.COLUMNS + ", m.role from books b "
				+ "join book_members m on m.book_id = b.id and m.user_id = :user "
				+ "where (cast(:status as text) is null or b.status = cast(:status as text)) "
				+ ((after != null) ? "and " + sort.after() + " " : "") + "order by " + sort.orderBy() + " limit :limit";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("user", caller.id())
			.param("status", status)
			.param("limit", limit + 1);
		if (after != null) {
			statement = statement.param("k", key).param("id", afterId);
		}
		List<Shelved> found = statement
			.query((rs, n) -> new Shelved(Books.book(rs, n), Role.of(rs.getString("role")).orElseThrow()))
			.list();
		return Page.of(found, limit,
				(s) -> Cursors.encode("books" + sortKey, sortValue(sortKey, s.book()), s.book().id().toString()));
	}

	Shelved find(Caller.User caller, UUID bookId) {
		BookAccess.Grant grant = this.access.require(caller, bookId, Permission.READ);
		return new Shelved(this.books.find(bookId).orElseThrow(), grant.role());
	}

	@Transactional
	Shelved update(Caller.User caller, UUID bookId, BookChanges request, ETags.Precondition precondition) {
		BookAccess.Grant grant = this.access.require(caller, bookId, Permission.EDIT);
		Checks checks = new Checks();
		String title = (request.title() != null) ? checks.required("title", request.title(), Titles.MAX_LENGTH) : null;
		Details details = details(checks, request);
		String status = checks.oneOf("status", request.status(), WRITABLE_STATUSES);
		String visibility = checks.oneOf("visibility", request.visibility(), Book.VISIBILITIES);
		if ("published".equals(request.status())) {
			checks.add("status", "Publish the book with POST /content/books/{id}/publish.");
		}
		checks.throwIfInvalid();
		Book book = this.books.lock(bookId);
		precondition.require(book.version(), "book");
		boolean managing = (visibility != null && !visibility.equals(book.visibility())) || (status != null
				&& !status.equals(book.status()) && ("archived".equals(status) || "archived".equals(book.status())));
		if (managing && !grant.allows(Permission.MANAGE)) {
			throw new ProblemException(ProblemType.FORBIDDEN,
					"Only the owner can change who can see the book or archive it.");
		}
		if (status != null && book.published() && !status.equals(book.status())) {
			throw new InvalidRequestException("status", "The book is published; unpublish it first.");
		}
		Book changed = new Book(book.id(), book.ownerId(), (title != null) ? title : book.title(),
				(details.subtitle() != null) ? emptyToNull(details.subtitle()) : book.subtitle(),
				(details.description() != null) ? emptyToNull(details.description()) : book.description(),
				(details.genres() != null) ? details.genres() : book.genres(),
				(details.tags() != null) ? details.tags() : book.tags(),
				(details.language() != null) ? details.language() : book.language(),
				(status != null) ? status : book.status(), (visibility != null) ? visibility : book.visibility(),
				book.seriesId(), book.seriesPosition(),
				(details.coverRef() != null) ? emptyToNull(details.coverRef()) : book.coverRef(), book.wordCount(),
				book.publishedAt(), book.takenDownAt(), book.takedownReason(), book.version(), book.createdAt(),
				book.updatedAt());
		if (changed.equals(book)) {
			return new Shelved(book, grant.role());
		}
		this.jdbc.sql("""
				update books set title = :title, subtitle = :subtitle, description = :description,
				       genres = cast(:genres as text[]), tags = cast(:tags as text[]), language = :language,
				       status = :status, visibility = :visibility, cover_ref = :cover, version = version + 1,
				       updated_at = now()
				where id = :id
				""")
			.param("title", changed.title())
			.param("subtitle", changed.subtitle())
			.param("description", changed.description())
			.param("genres", PgArrays.literal(changed.genres()))
			.param("tags", PgArrays.literal(changed.tags()))
			.param("language", changed.language())
			.param("status", changed.status())
			.param("visibility", changed.visibility())
			.param("cover", changed.coverRef())
			.param("id", bookId)
			.update();
		Book updated = this.books.find(bookId).orElseThrow();
		this.books.announce(updated);
		return new Shelved(updated, grant.role());
	}

	@Transactional
	void delete(Caller.User caller, UUID bookId, ETags.Precondition precondition) {
		this.access.require(caller, bookId, Permission.MANAGE);
		Book book = this.books.lock(bookId);
		precondition.require(book.version(), "book");
		if (book.seriesId() != null) {
			this.jdbc.sql("select id from series where id = :id for update")
				.param("id", book.seriesId())
				.query(UUID.class)
				.optional();
		}
		this.jdbc.sql("delete from books where id = :id").param("id", bookId).update();
		if (book.seriesId() != null) {
			this.jdbc.sql("""
					update books set series_position = series_position - 1
					where series_id = :series and series_position > :position
					""").param("series", book.seriesId()).param("position", book.seriesPosition()).update();
		}
		this.outbox.publish(new BookDeleted(bookId, book.ownerId(), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
	}

	private static Details details(Checks checks, BookChanges request) {
		return new Details(checks.optional("subtitle", request.subtitle(), Titles.MAX_LENGTH),
				checks.optional("description", request.description(), 5000),
				checks.labels("genres", request.genres(), 10, 40), checks.labels("tags", request.tags(), 30, 40),
				checks.language("language", request.language()), checks.reference("coverRef", request.coverRef()));
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static String sortValue(String sort, Book book) {
		return switch (sort) {
			case "-updatedAt", "updatedAt" -> Cursors.micros(book.updatedAt());
			case "-createdAt", "createdAt" -> Cursors.micros(book.createdAt());
			default -> book.title().toLowerCase(java.util.Locale.ROOT);
		};
	}

	/**
	 * A book with the caller's role in it.
	 *
	 * @param book the book
	 * @param role the caller's role; {@code null} when they only see it because it is
	 * public
	 */
	record Shelved(Book book, @Nullable Role role) {
	}

	/**
	 * The details of a create or update request, checked.
	 */
	private record Details(@Nullable String subtitle, @Nullable String description, @Nullable List<String> genres,
			@Nullable List<String> tags, @Nullable String language, @Nullable String coverRef) {
	}

	private record Sort(String orderBy, String after, boolean timestamp) {
	}

}
