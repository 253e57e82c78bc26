package io.authorworks.users.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes accounts in {@code users.users}.
 */
@Repository
public class UserAccounts {

	private static final String COLUMNS = "id, email, username, display_name, password_hash, email_verified_at, status, "
			+ "suspended_reason, roles, failed_sign_ins, locked_until, totp_secret, totp_enabled_at, created_at, updated_at";

	private final JdbcClient jdbc;

	public UserAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<UserAccount> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from users where id = :id")
			.param("id", id)
			.query(MAPPER)
			.optional();
	}

	/** Finds an account by email or username, ignoring case. */
	public Optional<UserAccount> findByLogin(String login) {
		String normalized = normalize(login);
		return this.jdbc
			.sql("select " + COLUMNS + " from users where email_normalized = :login or username_normalized = :login")
			.param("login", normalized)
			.query(MAPPER)
			.optional();
	}

	public Optional<UserAccount> findByUsername(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from users where username_normalized = :username")
			.param("username", normalize(username))
			.query(MAPPER)
			.optional();
	}

	public Optional<UserAccount> findByEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from users where email_normalized = :email")
			.param("email", normalize(email))
			.query(MAPPER)
			.optional();
	}

	public boolean emailTaken(String email) {
		return this.jdbc.sql("select count(*) from users where email_normalized = :email")
			.param("email", normalize(email))
			.query(Long.class)
			.single() > 0;
	}

	public boolean usernameTaken(String username) {
		return this.jdbc.sql("select count(*) from users where username_normalized = :username")
			.param("username", normalize(username))
			.query(Long.class)
			.single() > 0;
	}

	void insert(UUID id, String email, String username, String displayName, @Nullable String passwordHash,
			List<String> roles, @Nullable Instant emailVerifiedAt) {
		this.jdbc.sql("""
				insert into users (id, email, email_normalized, username, username_normalized, display_name,
				                   password_hash, roles, email_verified_at)
				values (:id, :email, :emailNormalized, :username, :usernameNormalized, :displayName,
				        :passwordHash, cast(:roles as text[]), :verifiedAt)
				""")
			.param("id", id)
			.param("email", email)
			.param("emailNormalized", normalize(email))
			.param("username", username)
			.param("usernameNormalized", normalize(username))
			.param("displayName", displayName)
			.param("passwordHash", passwordHash)
			.param("roles", "{" + String.join(",", roles) + "}")
			.param("verifiedAt", (emailVerifiedAt != null) ? Timestamp.from(emailVerifiedAt) : null)
			.update();
		this.jdbc.sql("insert into profiles (user_id) values (:id)").param("id", id).update();
	}

	void markEmailVerified(UUID id) {
		this.jdbc
			.sql("update users set email_verified_at = coalesce(email_verified_at, now()), updated_at = now() "
					+ "where id = :id")
			.param("id", id)
			.update();
	}

	void changePassword(UUID id, String passwordHash) {
		this.jdbc
			.sql("update users set password_hash = :hash, failed_sign_ins = 0, locked_until = null, "
					+ "updated_at = now() where id = :id")
			.param("id", id)
			.param("hash", passwordHash)
			.update();
	}

	/**
	 * Counts a failed sign-in and locks the account once {@code max} failures are
	 * reached.
	 */
	void recordFailedSignIn(UUID id, int max, java.time.Duration lockout) {
		this.jdbc.sql("""
				update users set failed_sign_ins = failed_sign_ins + 1,
				       locked_until = case when failed_sign_ins + 1 >= :max then now() + make_interval(secs => :seconds)
				                           else locked_until end
				where id = :id
				""").param("id", id).param("max", max).param("seconds", lockout.toSeconds()).update();
	}

	void recordSuccessfulSignIn(UUID id) {
		this.jdbc
			.sql("update users set failed_sign_ins = 0, locked_until = null where id = :id and "
					+ "(failed_sign_ins > 0 or locked_until is not null)")
			.param("id", id)
			.update();
	}

	public void updateRoles(UUID id, List<String> roles) {
		this.jdbc.sql("update users set roles = cast(:roles as text[]), updated_at = now() where id = :id")
			.param("id", id)
			.param("roles", "{" + String.join(",", roles) + "}")
			.update();
	}

	/** Adds a role the account does not have yet; an account that has it is unchanged. */
	void addRole(UUID id, String role) {
		this.jdbc.sql("""
				update users set roles = array_append(roles, :role), updated_at = now()
				where id = :id and not (:role = any(roles))
				""").param("id", id).param("role", role).update();
	}

	public void updateStatus(UUID id, UserAccount.Status status, @Nullable String reason) {
		this.jdbc
			.sql("update users set status = :status, suspended_reason = :reason, updated_at = now() where id = :id")
			.param("id", id)
			.param("status", status.dbValue())
			.param("reason", reason)
			.update();
	}

	public void updateDisplayName(UUID id, String displayName) {
		this.jdbc.sql("update users set display_name = :name, updated_at = now() where id = :id")
			.param("id", id)
			.param("name", displayName)
			.update();
	}

	public void updateTotp(UUID id, @Nullable String secret, boolean enabled) {
		this.jdbc
			.sql("update users set totp_secret = :secret, totp_enabled_at = case when :enabled then now() end, "
					+ "updated_at = now() where id = :id")
			.param("id", id)
			.param("secret", secret)
			.param("enabled", enabled)
			.update();
	}

	/**
	 * A page of accounts ordered by id (time ordered), after {@code afterId}, optionally
	 * filtered by a search term on email, username or display name.
	 */
	public List<UserAccount> page(@Nullable UUID afterId, @Nullable String query, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from users where true");
		if (afterId != null) {
			sql.append(" and id > :after");
		}
		if (query != null && !query.isBlank()) {
			sql.append(" and (email_normalized like :q or username_normalized like :q or lower(display_name) like :q)");
		}
		sql.append(" order by id limit :limit");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("limit", limit);
		if (afterId != null) {
			statement = statement.param("after", afterId);
		}
		if (query != null && !query.isBlank()) {
			statement = statement.param("q", "%" + escapeLike(normalize(query)) + "%");
		}
		return statement.query(MAPPER).list();
	}

	static String normalize(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static final RowMapper<UserAccount> MAPPER = (ResultSet rs, int n) -> new UserAccount(
			rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("username"),
			rs.getString("display_name"), rs.getString("password_hash"), instant(rs, "email_verified_at"),
			UserAccount.Status.of(rs.getString("status")), rs.getString("suspended_reason"), roles(rs),
			rs.getInt("failed_sign_ins"), instant(rs, "locked_until"), rs.getString("totp_secret"),
			instant(rs, "totp_enabled_at"), requiredInstant(rs, "created_at"), requiredInstant(rs, "updated_at"));

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** A timestamp of a {@code not null} column. */
	private static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static List<String> roles(ResultSet rs) throws SQLException {
		Array array = rs.getArray("roles");
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
