package io.authorworks.users.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use, expiring tokens that are mailed to people (email verification, password
 * reset). Only a hash is stored, so a leaked table cannot be used to take over accounts.
 */
@Repository
public class AccountTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	public AccountTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Issues a token and returns its secret value, which only the mail will carry. */
	String issue(UUID userId, Purpose purpose) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc
			.sql("insert into account_tokens (token_hash, user_id, purpose, expires_at) "
					+ "values (:hash, :user, :purpose, :expires)")
			.param("hash", hash(token))
			.param("user", userId)
			.param("purpose", purpose.value)
			.param("expires", Timestamp.from(this.clock.instant().plus(purpose.lifetime)))
			.update();
		return token;
	}

	/**
	 * Uses up a token: answers its account when the token exists, has this purpose, is
	 * not expired and was not used before. The check and the use are one statement, so a
	 * token works once even under concurrent clicks.
	 */
	Optional<UUID> consume(String token, Purpose purpose) {
		return this.jdbc.sql("""
				update account_tokens set used_at = now()
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
				returning user_id
				""")
			.param("hash", hash(token))
			.param("purpose", purpose.value)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(UUID.class)
			.optional();
	}

	/** Whether a token is currently usable, without using it (to show the reset form). */
	boolean usable(String token, Purpose purpose) {
		return this.jdbc
			.sql("select count(*) from account_tokens where token_hash = :hash and purpose = :purpose "
					+ "and used_at is null and expires_at > :now")
			.param("hash", hash(token))
			.param("purpose", purpose.value)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single() > 0;
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a token is for, and how long it lives. */
	enum Purpose {

		VERIFY_EMAIL("verify-email", Duration.ofHours(24)), RESET_PASSWORD("reset-password", Duration.ofHours(1));

		final String value;

		final Duration lifetime;

		Purpose(String value, Duration lifetime) {
			this.value = value;
			this.lifetime = lifetime;
		}

	}

}
