package io.authorworks.users.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code user_preferences} rows: one JSON value per user and key.
 */
@Repository
class Preferences {

	private final JdbcClient jdbc;

	private final ObjectMapper mapper;

	Preferences(JdbcClient jdbc, ObjectMapper mapper) {
		this.jdbc = jdbc;
		this.mapper = mapper;
	}

	/** A user's preferences, ordered by key. */
	Map<String, JsonNode> all(UUID userId) {
		Map<String, JsonNode> preferences = new LinkedHashMap<>();
		this.jdbc.sql("select key, value::text as value from user_preferences where user_id = :id order by key")
			.param("id", userId)
			.query((rs) -> {
				preferences.put(rs.getString("key"), this.mapper.readTree(rs.getString("value")));
			});
		return preferences;
	}

	/** How many preferences a user keeps under keys other than this one. */
	long countOthers(UUID userId, String key) {
		return this.jdbc.sql("select count(*) from user_preferences where user_id = :id and key <> :key")
			.param("id", userId)
			.param("key", key)
			.query(Long.class)
			.single();
	}

	void put(UUID userId, String key, JsonNode value) {
		this.jdbc.sql("""
				insert into user_preferences (user_id, key, value) values (:id, :key, cast(:value as jsonb))
				on conflict (user_id, key) do update set value = excluded.value, updated_at = now()
				""")
			.param("id", userId)
			.param("key", key)
			.param("value", this.mapper.writeValueAsString(value))
			.update();
	}

	/** Forgets one preference; whether there was one. */
	boolean delete(UUID userId, String key) {
		return this.jdbc.sql("delete from user_preferences where user_id = :id and key = :key")
			.param("id", userId)
			.param("key", key)
			.update() > 0;
	}

}
