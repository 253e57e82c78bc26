package io.authorworks.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at the real PostgreSQL, Redis and RabbitMQ that run on loopback
 * (started by {@code .ci/run} in CI). Each test JVM gets a fresh database of its own,
 * created through the admin connection and dropped when the JVM exits, so test runs never
 * see each other's rows.
 *
 * <p>
 * A context whose environment sets {@value #ROLE_PROPERTY} connects as that login role
 * instead of the administrator, so a deployable that runs with a narrow role in
 * production (content-worker) is tested with exactly that role: the role is created when
 * missing and owns nothing; the migrations of the schema's owner grant it what it may do.
 *
 * <p>
 * Override the servers with {@code TEST_DATABASE_URL}, {@code TEST_DATABASE_USERNAME},
 * {@code TEST_DATABASE_PASSWORD}, {@code TEST_REDIS_URL} and {@code TEST_RABBITMQ_URL}.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The property naming the login role a test context connects as. */
	public static final String ROLE_PROPERTY = "authorworks.test.database-role";

	private static volatile @Nullable Database database;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String role = context.getEnvironment().getProperty(ROLE_PROPERTY);
		Database db = (role != null && !role.isBlank()) ? databaseAs(role) : database();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("realInfrastructure",
					Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.username(),
							"spring.datasource.password", db.password(), "spring.data.redis.url", redisUrl(),
							"spring.rabbitmq.addresses", rabbitUrl())));
	}

	/** The database of this test JVM, created on first use. */
	public static Database database() {
		Database db = database;
		if (db == null) {
			synchronized (RealInfrastructure.class) {
				db = database;
				if (db == null) {
					db = create();
					database = db;
				}
			}
		}
		return db;
	}

	/**
	 * This test JVM's database as a login role other than the administrator, created
	 * (with its name as password, for tests only) when the server does not have it yet.
	 * Roles belong to the whole server, so every test database shares it; grants are per
	 * database.
	 */
	public static Database databaseAs(String role) {
		if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("Not a plain role name: " + role);
		}
		Database admin = database();
		// Two test JVMs may create the role at once: either error means it exists.
		execute(admin.url(), admin.username(), admin.password(), "do $$ begin create role " + role + " login password '"
				+ role + "'; exception when duplicate_object or unique_violation then null; end $$");
		return new Database(admin.url(), role, role);
	}

	public static String redisUrl() {
		return env("TEST_REDIS_URL", "redis://127.0.0.1:6379");
	}

	public static String rabbitUrl() {
		return env("TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672");
	}

	private static Database create() {
		String adminUrl = env("TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/authorworks");
		String username = env("TEST_DATABASE_USERNAME", "authorworks");
		String password = env("TEST_DATABASE_PASSWORD", "authorworks");
		String name = "aw_test_" + Long.toString(ProcessHandle.current().pid(), 36) + "_"
				+ Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36).toLowerCase(Locale.ROOT);
		execute(adminUrl, username, password, "create database " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(
					() -> execute(adminUrl, username, password, "drop database if exists " + name + " with (force)")));
		String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		return new Database(url, username, password);
	}

	private static void execute(String url, String username, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run '" + sql + "' on " + url
					+ " — is PostgreSQL up on loopback with the authorworks role? (.ci/run sets it up)", ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/** A database created for this test JVM. */
	public record Database(String url, String username, String password) {
	}

}
