package io.authorworks.content.author;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * This service's own copy of people's display names, kept by {@link UserEventsListener}.
 * An account with no event seen yet has no name here, and callers show none rather than
 * ask the user-service on every read.
 */
@Repository
public class AuthorNames {

	private final JdbcClient jdbc;

	AuthorNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The display name of this person, if an event has told us one. */
	public Optional<String> of(UUID userId) {
		return this.jdbc.sql("select display_name from author_names where user_id = :id")
			.param("id", userId)
			.query(String.class)
			.optional();
	}

	/** The display names of these people, for those an event has told us one. */
	public Map<UUID, String> of(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select user_id, display_name from author_names where user_id in (:ids)")
			.param("ids", userIds.stream().distinct().toList())
			.query((rs, row) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getString("display_name")))
			.list()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Records the name an account signed up with, unless a profile update got here first
	 * (events may arrive out of order).
	 */
	void registered(UUID userId, String displayName) {
		this.jdbc.sql("""
				insert into author_names (user_id, display_name, profile_version) values (:id, :name, 0)
				on conflict (user_id) do nothing
				""").param("id", userId).param("name", displayName).update();
	}

	/**
	 * Records the name of a profile version, unless a newer version is already here: a
	 * redelivered or late update changes nothing.
	 */
	void profileUpdated(UUID userId, long version, String displayName) {
		this.jdbc.sql("""
				insert into author_names (user_id, display_name, profile_version) values (:id, :name, :version)
				on conflict (user_id) do update
				set display_name = excluded.display_name, profile_version = excluded.profile_version, updated_at = now()
				where author_names.profile_version < excluded.profile_version
				""").param("id", userId).param("name", displayName).param("version", version).update();
	}

}
