package io.authorworks.users.federation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which local account a person at an external provider is: {@code federated_identities},
 * keyed by the provider's registration id and its stable {@code sub}.
 */
@Repository
class FederatedIdentities {

	private final JdbcClient jdbc;

	FederatedIdentities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UUID> find(String provider, String subject) {
		return this.jdbc
			.sql("select user_id from federated_identities where provider = :provider and subject = :subject")
			.param("provider", provider)
			.param("subject", subject)
			.query(UUID.class)
			.optional();
	}

	void link(String provider, String subject, UUID userId) {
		this.jdbc
			.sql("insert into federated_identities (provider, subject, user_id) values (:provider, :subject, :user) "
					+ "on conflict (provider, subject) do nothing")
			.param("provider", provider)
			.param("subject", subject)
			.param("user", userId)
			.update();
	}

}
