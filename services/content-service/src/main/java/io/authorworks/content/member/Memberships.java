package io.authorworks.content.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.content.ContentProperties;
import io.authorworks.platform.core.Checks;
import io.authorworks.platform.core.ConflictException;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people a book is shared with. Every book has exactly one owner, recorded when the
 * book is created; the owner adds, re-roles and removes the others, and anyone may leave
 * a book they were added to.
 */
@Service
public class Memberships {

	private final JdbcClient jdbc;

	private final BookAccess access;

	private final UserDirectory directory;

	private final ContentProperties properties;

	Memberships(JdbcClient jdbc, BookAccess access, UserDirectory directory, ContentProperties properties) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.properties = properties;
	}

	/** Records the creator of a new book as its owner, in the book's transaction. */
	public void addOwner(UUID bookId, UUID ownerId) {
		this.jdbc.sql("insert into book_members (book_id, user_id, role) values (:book, :user, 'owner')")
			.param("book", bookId)
			.param("user", ownerId)
			.update();
	}

	Page<Member> list(Caller.User caller, UUID bookId, @Nullable String cursor, int limit) {
		this.access.require(caller, bookId, Permission.READ);
		Cursors.Keyset after = Cursors.keyset(cursor, "members", 1);
		UUID afterId = (after != null) ? after.uuid(0) : null;
		List<Member> members = this.jdbc.sql("""
				select book_id, user_id, role, invited_by, created_at, updated_at from book_members
				where book_id = :book and (cast(:after as uuid) is null or user_id > cast(:after as uuid))
				order by user_id limit :limit
				""")
			.param("book", bookId)
			.param("after", afterId)
			.param("limit", limit + 1)
			.query(Memberships::member)
			.list();
		return Page.of(members, limit, (m) -> Cursors.encode("members", m.userId().toString()));
	}

	Member find(Caller.User caller, UUID bookId, UUID userId) {
		this.access.require(caller, bookId, Permission.READ);
		return member(bookId, userId).orElseThrow(MemberNotFoundException::new);
	}

	@Transactional
	Member add(Caller.User caller, UUID bookId, @Nullable UUID userId, @Nullable String roleName) {
		this.access.require(caller, bookId, Permission.MANAGE);
		Checks checks = new Checks();
		if (userId == null) {
			checks.add("userId", "Required: the id of the person to share the book with.");
		}
		Role role = grantable(checks, roleName);
		checks.throwIfInvalid();
		Objects.requireNonNull(userId); // refused above when missing
		// Ask the user-service before taking the book lock, so a slow answer holds no
		// lock.
		if (member(bookId, userId).isEmpty() && this.directory.find(userId).isEmpty()) {
			throw new InvalidRequestException("userId", "There is no active account with this id.");
		}
		lockBook(bookId);
		if (member(bookId, userId).isPresent()) {
			throw new ConflictException(ProblemType.CONFLICT, "This person is already a member of the book.");
		}
		long count = this.jdbc.sql("select count(*) from book_members where book_id = :book")
			.param("book", bookId)
			.query(Long.class)
			.single();
		if (count >= this.properties.maxMembersPerBook()) {
			throw new InvalidRequestException("userId",
					"A book can be shared with at most " + (this.properties.maxMembersPerBook() - 1) + " people.");
		}
		this.jdbc.sql("""
				insert into book_members (book_id, user_id, role, invited_by) values (:book, :user, :role, :by)
				""")
			.param("book", bookId)
			.param("user", userId)
			.param("role", role.value())
			.param("by", caller.id())
			.update();
		return member(bookId, userId).orElseThrow();
	}

	@Transactional
	Member changeRole(Caller.User caller, UUID bookId, UUID userId, @Nullable String roleName) {
		this.access.require(caller, bookId, Permission.MANAGE);
		Checks checks = new Checks();
		Role role = grantable(checks, roleName);
		checks.throwIfInvalid();
		Member member = member(bookId, userId).orElseThrow(MemberNotFoundException::new);
		if (member.role() == Role.OWNER) {
			throw new InvalidRequestException("role",
					"The owner's role cannot change; ownership cannot be handed over yet.");
		}
		this.jdbc
			.sql("update book_members set role = :role, updated_at = now() where book_id = :book and user_id = :user")
			.param("role", role.value())
			.param("book", bookId)
			.param("user", userId)
			.update();
		return member(bookId, userId).orElseThrow();
	}

	@Transactional
	void remove(Caller.User caller, UUID bookId, UUID userId) {
		if (!caller.id().equals(userId)) {
			this.access.require(caller, bookId, Permission.MANAGE);
		}
		else {
			this.access.require(caller, bookId, Permission.READ);
		}
		Member member = member(bookId, userId).orElseThrow(MemberNotFoundException::new);
		if (member.role() == Role.OWNER) {
			throw new ProblemException(ProblemType.CONFLICT,
					"The owner cannot leave their own book; delete it instead.");
		}
		this.jdbc.sql("delete from book_members where book_id = :book and user_id = :user")
			.param("book", bookId)
			.param("user", userId)
			.update();
	}

	private Role grantable(Checks checks, @Nullable String roleName) {
		if (roleName == null || !Role.GRANTABLE.contains(roleName)) {
			checks.add("role", "Use one of " + Role.GRANTABLE + ".");
			return Role.BETA_READER;
		}
		return Role.of(roleName).orElseThrow();
	}

	private void lockBook(UUID bookId) {
		this.jdbc.sql("select id from books where id = :id for update")
			.param("id", bookId)
			.query(UUID.class)
			.optional()
			.orElseThrow(BookNotFoundException::new);
	}

	Optional<Member> member(UUID bookId, @Nullable UUID userId) {
		return this.jdbc.sql("""
				select book_id, user_id, role, invited_by, created_at, updated_at from book_members
				where book_id = :book and user_id = :user
				""").param("book", bookId).param("user", userId).query(Memberships::member).optional();
	}

	private static Member member(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getObject("book_id", UUID.class), rs.getObject("user_id", UUID.class),
				Role.of(rs.getString("role")).orElseThrow(), rs.getObject("invited_by", UUID.class),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	/**
	 * A person a book is shared with.
	 *
	 * @param bookId the book
	 * @param userId the person
	 * @param role their role
	 * @param invitedBy who added them; absent for the owner
	 * @param createdAt when they were added
	 * @param updatedAt when their role last changed
	 */
	record Member(UUID bookId, UUID userId, Role role, @Nullable UUID invitedBy, Instant createdAt, Instant updatedAt) {
	}

	/** No such member in this book. */
	static class MemberNotFoundException extends NotFoundException {

		MemberNotFoundException() {
			super("This person is not a member of the book.");
		}

	}

}
