package io.authorworks.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.authorworks.launcher.deploy.Deployable;
import io.authorworks.launcher.deploy.DeployableRegistry;
import io.authorworks.launcher.deploy.Secrets;
import io.authorworks.launcher.engine.DatabaseEndpoint;
import io.authorworks.launcher.engine.DatabaseProvisioner;

/**
 * The platform's generated secrets as credentials: each deployable's client secret, the
 * database role and password of each deployable that connects to the database, and the
 * PostgreSQL administrator's password.
 */
final class Credentials {

	private static final String ADMIN_PASSWORD = "POSTGRES_ADMIN_PASSWORD";

	private final DeployableRegistry registry;

	private final Secrets secrets;

	private Credentials(DeployableRegistry registry, Secrets secrets) {
		this.registry = registry;
		this.secrets = secrets;
	}

	/**
	 * Reads the secrets file, creating every secret a declared deployable needs, and
	 * saves it before any engine starts: a password PostgreSQL got must not be lost.
	 */
	static Credentials open(Path file, DeployableRegistry registry) {
		Credentials credentials = new Credentials(registry, Secrets.open(file));
		registry.deployables().forEach((deployable) -> {
			credentials.clientSecret(deployable);
			if (deployable.hasDatabase()) {
				credentials.databasePassword(deployable);
			}
		});
		credentials.adminPassword();
		credentials.secrets.save();
		return credentials;
	}

	/** The password of the embedded PostgreSQL's administrator. */
	String adminPassword() {
		return this.secrets.get(ADMIN_PASSWORD);
	}

	/** Any secret by its key, for {@code ${secret:KEY}} placeholders. */
	String secret(String key) {
		return this.secrets.get(key);
	}

	/** The deployable's OAuth client secret. */
	String clientSecret(Deployable deployable) {
		return this.secrets.get("SERVICE_CLIENT_SECRET_" + deployable.envName());
	}

	/** The password of the deployable's database role: each has a role of its own. */
	String databasePassword(Deployable deployable) {
		return this.secrets.get("DATABASE_PASSWORD_" + deployable.envName());
	}

	/**
	 * The role of a schema's owner is named after database and schema
	 * ({@code authorworks_users}), that of a deployable using another's schema after
	 * database and deployable ({@code authorworks_content_worker}), so platforms sharing
	 * one external server through different databases never share a role.
	 */
	static String databaseRole(DatabaseEndpoint database, Deployable deployable) {
		String stem = deployable.hasSchema() ? String.valueOf(deployable.schema()) : deployable.name();
		return (database.database() + "_" + stem).toLowerCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * The roles of the deployables that use the owner's schema, as
	 * {@code <NAME>_DATABASE_ROLE} variables for the owner, whose migrations grant them
	 * what they may do.
	 */
	Map<String, String> usersOf(DatabaseEndpoint database, Deployable owner) {
		Map<String, String> roles = new TreeMap<>();
		if (owner.hasSchema()) {
			this.registry.deployables()
				.stream()
				.filter((d) -> String.valueOf(owner.schema()).equals(d.uses()))
				.forEach((d) -> roles.put(d.envName() + "_DATABASE_ROLE", databaseRole(database, d)));
		}
		return roles;
	}

	/**
	 * Creates the role and schema of every declared deployable that owns a schema, and
	 * the login role (owning nothing) of every one that uses another's.
	 */
	void provision(DatabaseEndpoint admin) {
		List<DatabaseProvisioner.Grant> grants = this.registry.deployables()
			.stream()
			.filter(Deployable::hasDatabase)
			.map((deployable) -> new DatabaseProvisioner.Grant(databaseRole(admin, deployable),
					databasePassword(deployable),
					String.valueOf(deployable.hasSchema() ? deployable.schema() : deployable.uses()),
					deployable.hasSchema()))
			.distinct()
			.toList();
		if (!grants.isEmpty()) {
			new DatabaseProvisioner(admin).provision(grants);
		}
	}

}
