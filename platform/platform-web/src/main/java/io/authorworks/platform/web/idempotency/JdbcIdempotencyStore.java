package io.authorworks.platform.web.idempotency;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps idempotency keys in the deployable's own PostgreSQL, in a table it creates with
 * its migrations:
 *
 * <pre>
 * create table idempotency_keys (
 *     caller text not null, key text not null, method text not null, path text not null,
 *     request_hash text not null, status integer, headers jsonb, body bytea,
 *     created_at timestamptz not null default now(), primary key (caller, key));
 * create index idempotency_keys_age on idempotency_keys (created_at);
 * </pre>
 *
 * The primary key makes a claim atomic across instances, so two concurrent retries never
 * both run.
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

	private final JdbcClient jdbc;

	private final ObjectMapper mapper;

	private final Duration retention;

	public JdbcIdempotencyStore(JdbcClient jdbc, ObjectMapper mapper, Duration retention) {
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.retention = retention;
	}

	@Override
	public boolean claim(String caller, String key, String method, String path, String requestHash) {
		this.jdbc.sql("delete from idempotency_keys where created_at < now() - :seconds * interval '1 second'")
			.param("seconds", this.retention.toSeconds())
			.update();
		return this.jdbc.sql("""
				insert into idempotency_keys (caller, key, method, path, request_hash)
				values (:caller, :key, :method, :path, :hash) on conflict do nothing
				""")
			.param("caller", caller)
			.param("key", key)
			.param("method", method)
			.param("path", path)
			.param("hash", requestHash)
			.update() == 1;
	}

	@Override
	public Optional<Recorded> find(String caller, String key) {
		return this.jdbc
			.sql("select request_hash, status, headers::text as headers, body from idempotency_keys "
					+ "where caller = :caller and key = :key")
			.param("caller", caller)
			.param("key", key)
			.query((rs, n) -> new Recorded(rs.getString("request_hash"), (Integer) rs.getObject("status"),
					headers(rs.getString("headers")), rs.getBytes("body")))
			.optional();
	}

	@Override
	public void complete(String caller, String key, int status, Map<String, String> headers, byte[] body) {
		this.jdbc.sql("""
				update idempotency_keys set status = :status, headers = cast(:headers as jsonb), body = :body
				where caller = :caller and key = :key
				""")
			.param("status", status)
			.param("headers", this.mapper.writeValueAsString(headers))
			.param("body", body)
			.param("caller", caller)
			.param("key", key)
			.update();
	}

	@Override
	public void release(String caller, String key) {
		this.jdbc.sql("delete from idempotency_keys where caller = :caller and key = :key")
			.param("caller", caller)
			.param("key", key)
			.update();
	}

	private Map<String, String> headers(@Nullable String json) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (json != null) {
			this.mapper.readTree(json)
				.properties()
				.forEach((header) -> headers.put(header.getKey(), header.getValue().asString()));
		}
		return headers;
	}

}
