package io.authorworks.users.twofactor;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The two-factor columns of {@code users.users} and the {@code recovery_codes} table.
 */
@Repository
class TwoFactorStore {

	private final JdbcClient jdbc;

	TwoFactorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<State> find(UUID userId) {
		return this.jdbc
			.sql("select totp_secret, totp_secret_salt, totp_enabled_at is not null as enabled from users "
					+ "where id = :id")
			.param("id", userId)
			.query((rs, n) -> new State(rs.getString("totp_secret"), rs.getString("totp_secret_salt"),
					rs.getBoolean("enabled")))
			.optional();
	}

	/**
	 * Keeps a new secret, not yet enabled, replacing an enrolment that was never
	 * confirmed.
	 */
	void savePending(UUID userId, TotpSecrets.Sealed secret) {
		this.jdbc.sql("""
				update users set totp_secret = :secret, totp_secret_salt = :salt, totp_enabled_at = null,
				       totp_last_step = null, updated_at = now()
				where id = :id and totp_enabled_at is null
				""").param("id", userId).param("secret", secret.ciphertext()).param("salt", secret.salt()).update();
	}

	boolean enable(UUID userId) {
		return this.jdbc
			.sql("update users set totp_enabled_at = now(), updated_at = now() where id = :id "
					+ "and totp_secret is not null and totp_enabled_at is null")
			.param("id", userId)
			.update() == 1;
	}

	void disable(UUID userId) {
		this.jdbc
			.sql("update users set totp_secret = null, totp_secret_salt = null, totp_enabled_at = null, "
					+ "totp_last_step = null, updated_at = now() where id = :id")
			.param("id", userId)
			.update();
		this.jdbc.sql("delete from recovery_codes where user_id = :id").param("id", userId).update();
	}

	/**
	 * Records that a time step was used; false when it, or a later one, already was. The
	 * check and the write are one statement, so two requests racing with one code cannot
	 * both win.
	 */
	boolean useStep(UUID userId, long step) {
		return this.jdbc
			.sql("update users set totp_last_step = :step where id = :id "
					+ "and (totp_last_step is null or totp_last_step < :step)")
			.param("id", userId)
			.param("step", step)
			.update() == 1;
	}

	void replaceRecoveryCodes(UUID userId, Collection<String> hashes) {
		this.jdbc.sql("delete from recovery_codes where user_id = :id").param("id", userId).update();
		for (String hash : hashes) {
			this.jdbc.sql("insert into recovery_codes (user_id, code_hash) values (:id, :hash)")
				.param("id", userId)
				.param("hash", hash)
				.update();
		}
	}

	/** Uses up a recovery code; false when it is unknown or was used before. */
	boolean useRecoveryCode(UUID userId, String hash) {
		return this.jdbc
			.sql("update recovery_codes set used_at = now() where user_id = :id and code_hash = :hash "
					+ "and used_at is null")
			.param("id", userId)
			.param("hash", hash)
			.update() == 1;
	}

	/**
	 * An account's two-factor state: its encrypted secret, if any, and whether it is on.
	 */
	record State(@Nullable String ciphertext, @Nullable String salt, boolean enabled) {

		boolean pending() {
			return !this.enabled && this.ciphertext != null && this.salt != null;
		}

	}

}
