package io.authorworks.launcher.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import io.authorworks.launcher.LauncherException;

/**
 * Gives each deployable its own login role in the platform database, idempotently (the
 * same code runs against the embedded server and an external one, on every start): a
 * schema's owner gets the schema; a deployable that works in another's schema gets a role
 * that owns nothing, and the owner's migrations grant it what it may do there.
 */
public final class DatabaseProvisioner {

	private static final String INVALID_CATALOG = "3D000";

	private final DatabaseEndpoint admin;

	/**
	 * @param admin a role allowed to create databases and roles (a superuser, or one with
	 * CREATEDB and CREATEROLE), pointing at the platform database
	 */
	public DatabaseProvisioner(DatabaseEndpoint admin) {
		this.admin = admin;
	}

	/**
	 * One service's share of the database.
	 *
	 * @param role login role name
	 * @param password its password, set again on every start so it follows
	 * data/secrets.env
	 * @param schema the schema the role owns, or works in
	 * @param owns whether the role owns the schema; if not, it only resolves names there
	 */
	public record Grant(String role, String password, String schema, boolean owns) {

		/** A role that owns its schema. */
		public Grant(String role, String password, String schema) {
			this(role, password, schema, true);
		}

		@Override
		public String toString() {
			return "Grant[role=" + this.role + ", schema=" + this.schema + ", owns=" + this.owns + "]";
		}

	}

	/** Creates the database if missing, then every role and schema. */
	public void provision(List<Grant> grants) {
		createDatabaseIfMissing();
		try (Connection connection = connect(this.admin)) {
			for (Grant grant : grants) {
				provision(connection, grant);
			}
		}
		catch (SQLException ex) {
			throw new LauncherException("could not create the service roles in " + this.admin.jdbcUrl() + " as "
					+ this.admin.username() + ": " + ex.getMessage(), ex);
		}
	}

	private void provision(Connection connection, Grant grant) throws SQLException {
		String role = Sql.identifier(grant.role());
		String schema = Sql.identifier(grant.schema());
		boolean exists;
		try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
			query.setString(1, grant.role());
			try (ResultSet rows = query.executeQuery()) {
				exists = rows.next();
			}
		}
		try (Statement statement = connection.createStatement()) {
			String password = Sql.literal(grant.password());
			statement.execute(exists ? "alter role " + role + " login password " + password
					: "create role " + role + " login password " + password);
			statement.execute("grant connect on database " + Sql.identifier(this.admin.database()) + " to " + role);
			if (grant.owns()) {
				// Only a member of a role may hand it a schema (unless superuser).
				if (!isSuperuser(connection)) {
					statement.execute("grant " + role + " to current_user");
				}
				statement.execute("create schema if not exists " + schema + " authorization " + role);
				statement.execute("alter schema " + schema + " owner to " + role);
			}
			// Services that name no schema still land in their own (or the one they use).
			statement.execute("alter role " + role + " in database " + Sql.identifier(this.admin.database())
					+ " set search_path = " + schema);
		}
	}

	private static boolean isSuperuser(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
			return rows.next() && rows.getBoolean(1);
		}
	}

	private void createDatabaseIfMissing() {
		try {
			connect(this.admin).close();
			return;
		}
		catch (SQLException ex) {
			if (!INVALID_CATALOG.equals(ex.getSQLState())) {
				throw new LauncherException("could not connect to " + this.admin.jdbcUrl() + " as "
						+ this.admin.username() + ": " + ex.getMessage(), ex);
			}
		}
		try (Connection connection = connect(this.admin.withDatabase("postgres"));
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + Sql.identifier(this.admin.database()));
		}
		catch (SQLException ex) {
			throw new LauncherException("could not create database " + this.admin.database() + " as "
					+ this.admin.username() + ": " + ex.getMessage(), ex);
		}
	}

	static Connection connect(DatabaseEndpoint endpoint) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", endpoint.username());
		properties.setProperty("password", endpoint.password());
		properties.setProperty("connectTimeout", "10");
		return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
	}

}
