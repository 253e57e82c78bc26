package io.authorworks.launcher.engine;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import io.authorworks.launcher.LauncherException;

/**
 * Where a PostgreSQL database is and who may administer it: the launcher creates the
 * service roles and schemas with these credentials.
 *
 * @param host host name or address
 * @param port TCP port
 * @param database database name
 * @param username administrating role
 * @param password its password (empty when the server trusts loopback)
 */
public record DatabaseEndpoint(String host, int port, String database, String username, String password) {

	/** The JDBC URL without credentials, as handed to services in DATABASE_URL. */
	public String jdbcUrl() {
		return jdbcUrl(this.database);
	}

	/** The JDBC URL of another database on the same server. */
	public String jdbcUrl(String otherDatabase) {
		String h = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		return "jdbc:postgresql://" + h + ":" + this.port + "/" + otherDatabase;
	}

	/** The same server and credentials, another database. */
	public DatabaseEndpoint withDatabase(String otherDatabase) {
		return new DatabaseEndpoint(this.host, this.port, otherDatabase, this.username, this.password);
	}

	/**
	 * Reads a DATABASE_URL in either form docs/configuration.md allows: a JDBC URL
	 * ({@code jdbc:postgresql://host:port/db}) with the credentials given separately, or
	 * a libpq URL ({@code postgresql://user:pass@host:port/db}) whose credentials win
	 * unless absent.
	 */
	public static DatabaseEndpoint parse(String url, @Nullable String username, @Nullable String password) {
		String text = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
		URI uri;
		try {
			uri = URI.create(text);
		}
		catch (IllegalArgumentException ex) {
			throw new LauncherException("DATABASE_URL is not a URL: " + ex.getMessage(), ex);
		}
		String scheme = uri.getScheme();
		if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
			throw new LauncherException("DATABASE_URL must start with jdbc:postgresql:// or postgresql://");
		}
		String host = (uri.getHost() != null) ? uri.getHost() : "127.0.0.1";
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : 5432;
		String path = (uri.getPath() != null) ? uri.getPath() : "";
		String database = path.startsWith("/") ? path.substring(1) : path;
		if (database.isEmpty()) {
			database = "authorworks";
		}
		String user = username;
		String pass = password;
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			user = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			if (colon >= 0) {
				pass = decode(userInfo.substring(colon + 1));
			}
		}
		if (user == null || user.isBlank()) {
			throw new LauncherException(
					"DATABASE_URL has no user: set DATABASE_USERNAME and DATABASE_PASSWORD to a role that may create roles");
		}
		return new DatabaseEndpoint(host, port, database, user, (pass != null) ? pass : "");
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		// Records print every component; the password must not end up in a log.
		return "DatabaseEndpoint[" + jdbcUrl() + ", user=" + this.username + "]";
	}

}
