package io.authorworks.launcher.deploy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One deployable as the registry declares it.
 *
 * @param name its name, also its service-client id and the stem of its log file
 * @param jar path of its executable jar, relative to the repository root
 * @param port HTTP port of the first replica; replica {@code i} (0-based) listens on
 * {@code port + 100 * i}
 * @param schema the PostgreSQL schema it owns, or {@code null} when it has none
 * @param uses a schema another deployable owns that it works in with a login role of its
 * own, which owns nothing and has only what the owner's migrations grant it; or
 * {@code null}
 * @param scopes scopes its client-credentials client may ask for; without any it is not
 * registered with the authorization server
 * @param after deployables that must be ready before it starts
 * @param migratedBy deployables whose migrations it needs: it waits for one only until
 * that one has been ready once with its current jar in the data directory
 * @param replicas how many copies run by default
 * @param mail whether it sends e-mail (and so gets MAIL_HOST and MAIL_PORT)
 * @param env extra environment, values may hold placeholders such as
 * {@code ${url:user-service}}
 * @param jvmOptions extra JVM options for its process
 */
public record Deployable(String name, String jar, int port, @Nullable String schema, @Nullable String uses,
		List<String> scopes, List<String> after, List<String> migratedBy, int replicas, boolean mail,
		Map<String, String> env, List<String> jvmOptions) {

	/** Spacing between the ports of two replicas of one deployable. */
	public static final int REPLICA_PORT_STEP = 100;

	public Deployable {
		scopes = List.copyOf(scopes);
		after = List.copyOf(after);
		migratedBy = List.copyOf(migratedBy);
		env = Map.copyOf(env);
		jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * The name as an environment-variable stem: {@code user-service} →
	 * {@code USER_SERVICE}.
	 */
	public String envName() {
		return envName(this.name);
	}

	static String envName(String name) {
		return name.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	/** Whether it owns a schema (and so a database role that owns it). */
	public boolean hasSchema() {
		return this.schema != null;
	}

	/** Whether it connects to the database: it owns a schema or uses another's. */
	public boolean hasDatabase() {
		return this.schema != null || this.uses != null;
	}

	/** Whether the authorization server should know its client-credentials client. */
	public boolean isServiceClient() {
		return !this.scopes.isEmpty();
	}

}
