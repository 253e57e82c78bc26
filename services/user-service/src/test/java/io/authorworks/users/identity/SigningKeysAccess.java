package io.authorworks.users.identity;

import java.time.Clock;

import io.authorworks.users.IdentityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets tests build a second {@link SigningKeys} over the same database, as a restarted
 * instance would.
 */
public final class SigningKeysAccess {

	private SigningKeysAccess() {
	}

	public static SigningKeys create(JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties properties) {
		return new SigningKeys(jdbc, transactions, properties, Clock.systemUTC());
	}

}
