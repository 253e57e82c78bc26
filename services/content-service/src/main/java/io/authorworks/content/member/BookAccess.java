package io.authorworks.content.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.security.Caller;
import io.authorworks.platform.web.security.Roles;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The access policy: answers whether a person may read, edit, publish, manage, export or
 * generate in a book. A person who is not a member of a book that is not publicly listed
 * learns nothing, not even that it exists ({@code 404}); a member, or anyone looking at a
 * published public book, who lacks a permission is told so ({@code 403}).
 */
@Service
public class BookAccess {

	private final JdbcClient jdbc;

	BookAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The columns a {@link #grant} is read from, for queries that read a person's
	 * standing in a book along with what they ask for: select them from
	 * {@link #GRANT_FROM} (books {@code b}, the membership of {@code :user} {@code m})
	 * joined to the rest.
	 */
	public static final String GRANT_COLUMNS = """
			b.status as book_status, b.visibility as book_visibility, b.taken_down_at as book_taken_down_at,
			m.role as member_role""";

	/** See {@link #GRANT_COLUMNS}. */
	public static final String GRANT_FROM = "books b left join book_members m on m.book_id = b.id and m.user_id = :user";

	/**
	 * The person's standing in the book, or empty when the book does not exist or is none
	 * of their business.
	 */
	public Optional<Grant> grantOf(UUID userId, UUID bookId) {
		return this.jdbc.sql("select " + GRANT_COLUMNS + " from " + GRANT_FROM + " where b.id = :book")
			.param("user", userId)
			.param("book", bookId)
			.query((rs, n) -> Optional.ofNullable(grant(bookId, userId, rs)))
			.optional()
			.flatMap((grant) -> grant);
	}

	/**
	 * The standing the {@link #GRANT_COLUMNS} of a row describe, or {@code null} when the
	 * book is none of the person's business.
	 */
	public static @Nullable Grant grant(UUID bookId, UUID userId, ResultSet rs) throws SQLException {
		String member = rs.getString("member_role");
		Role role = (member != null) ? Role.of(member).orElse(null) : null;
		boolean listed = "published".equals(rs.getString("book_status"))
				&& "public".equals(rs.getString("book_visibility")) && rs.getTimestamp("book_taken_down_at") == null;
		return (role != null || listed) ? new Grant(bookId, userId, role, listed) : null;
	}

	/**
	 * Passes when the user may do {@code permission} in the book and answers their grant;
	 * otherwise throws the {@code 404} or {@code 403} problem the policy calls for.
	 */
	public Grant require(Caller.User user, UUID bookId, Permission permission) {
		return require(grantOf(user.id(), bookId).orElse(null), permission);
	}

	/**
	 * The policy of {@link #require(Caller.User, UUID, Permission)} for a standing read
	 * along with something else ({@code null}: the book is none of the person's
	 * business).
	 */
	public static Grant require(@Nullable Grant standing, Permission permission) {
		Grant grant = Optional.ofNullable(standing).orElseThrow(BookNotFoundException::new);
		if (!grant.allows(permission)) {
			throw new ProblemException(ProblemType.FORBIDDEN,
					(grant.role() == null) ? "Only the people this book is shared with can do this."
							: "As " + article(grant.role()) + " of this book you cannot " + describe(permission) + ".");
		}
		return grant;
	}

	/**
	 * Passes when the user may start AI work in the book: the generate permission in it
	 * and, since generation is an authoring tool, the author role. Strangers still get
	 * the {@code 404} first, so the role check never reveals a private book.
	 */
	public Grant requireGeneration(Caller.User user, UUID bookId) {
		Grant grant = require(user, bookId, Permission.GENERATE);
		user.requireRole(Roles.AUTHOR);
		return grant;
	}

	private static String article(Role role) {
		return (role == Role.OWNER || role == Role.EDITOR) ? "the " + role.value() : "a " + role.value();
	}

	private static String describe(Permission permission) {
		return switch (permission) {
			case READ -> "read it";
			case EDIT -> "change it";
			case PUBLISH -> "publish or unpublish it";
			case MANAGE -> "share it, change who can see it or delete it";
			case EXPORT -> "export it";
			case GENERATE -> "run AI generation in it";
		};
	}

	/**
	 * A person's standing in a book.
	 *
	 * @param bookId the book
	 * @param userId the person
	 * @param role their role, or {@code null} when they are not a member
	 * @param publiclyListed whether the book is published and publicly listed, so its
	 * existence is no secret
	 */
	public record Grant(UUID bookId, UUID userId, @Nullable Role role, boolean publiclyListed) {

		public boolean allows(Permission permission) {
			return this.role != null && this.role.allows(permission);
		}

		public Set<Permission> permissions() {
			return (this.role != null) ? new TreeSet<>(this.role.permissions()) : Set.of();
		}

	}

}
