package io.authorworks.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.authorworks.launcher.deploy.Deployable;
import io.authorworks.launcher.deploy.DeployableRegistry;
import io.authorworks.launcher.deploy.Secrets;
import io.authorworks.launcher.engine.DatabaseEndpoint;
import io.authorworks.launcher.engine.DatabaseProvisioner;

/**
 * The platform's generated secrets as credentials: each deployable's client secret, the
 * database role and password of each schema, and the PostgreSQL administrator's password.
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
			if (deployable.hasSchema()) {
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

	/**
	 * The password of the deployable's database role. Deployables that share a schema
	 * (content-service and content-worker share {@code content}) share its role, so they
	 * share the password of the first one declared.
	 */
	String databasePassword(Deployable deployable) {
		Deployable owner = this.registry.deployables()
			.stream()
			.filter((d) -> d.hasSchema() && String.valueOf(d.schema()).equals(String.valueOf(deployable.schema())))
			.findFirst()
			.orElse(deployable);
		return this.secrets.get("DATABASE_PASSWORD_" + owner.envName());
	}

	/**
	 * The role is named after database and schema ({@code authorworks_users}), so
	 * platforms sharing one external server through different databases never share a
	 * role.
	 */
	static String databaseRole(DatabaseEndpoint database, Deployable deployable) {
		return (database.database() + "_" + deployable.schema()).toLowerCase(Locale.ROOT).replace('-', '_');
	}

	/** Creates the role and schema of every declared deployable that has a schema. */
	void provision(DatabaseEndpoint admin) {
		List<DatabaseProvisioner.Grant> grants = this.registry.deployables()
			.stream()
			.filter(Deployable::hasSchema)
			.map((deployable) -> new DatabaseProvisioner.Grant(databaseRole(admin, deployable),
					databasePassword(deployable), String.valueOf(deployable.schema())))
			.distinct()
			.toList();
		if (!grants.isEmpty()) {
			new DatabaseProvisioner(admin).provision(grants);
		}
	}

}
