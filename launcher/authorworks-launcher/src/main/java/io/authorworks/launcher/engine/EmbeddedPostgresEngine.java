package io.authorworks.launcher.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.authorworks.launcher.LauncherException;

/**
 * A real PostgreSQL server from the zonky binaries, keeping its cluster in a directory
 * that survives restarts.
 *
 * <p>
 * initdb leaves every loopback connection trusted. On first start the superuser gets a
 * password and {@code pg_hba.conf} is switched to scram-sha-256, so services must present
 * the credentials of their own role exactly as in production.
 */
public final class EmbeddedPostgresEngine implements AutoCloseable {

	static final String SUPERUSER = "postgres";

	private static final String HBA_MARKER = "# managed by the AuthorWorks launcher";

	private final EmbeddedPostgres postgres;

	private final DatabaseEndpoint admin;

	private EmbeddedPostgresEngine(EmbeddedPostgres postgres, DatabaseEndpoint admin) {
		this.postgres = postgres;
		this.admin = admin;
	}

	/**
	 * Starts (creating on first use) the cluster in {@code dataDirectory} on the given
	 * loopback port.
	 */
	public static EmbeddedPostgresEngine start(Path dataDirectory, int port, String adminPassword, Path logFile) {
		Ports.requireFree(port, "PostgreSQL");
		try {
			Files.createDirectories(dataDirectory);
			Files.createDirectories(logFile.getParent());
			var log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setPort(port)
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("listen_addresses", "127.0.0.1")
				// zonky tunes for throw-away test databases (-F, synchronous_commit=off);
				// this cluster keeps a person's work, so turn durability back on.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setConnectConfig("password", adminPassword)
				// Bounds the readiness check's reads: a port taken by something other
				// than PostgreSQL then fails the start instead of hanging it.
				.setConnectConfig("connectTimeout", "10")
				.setConnectConfig("socketTimeout", "30")
				.setDataDirectoryCustomizer((dir) -> {
					// On restarts the password is set already: harden before the
					// server accepts its first connection.
					if (hbaIsManaged(dir.toPath())) {
						writeHba(dir.toPath());
					}
				})
				.setOutputRedirector(log)
				.setErrorRedirector(log)
				.setPGStartupWait(Duration.ofSeconds(30))
				// Platform stops the server itself, after the services that use it.
				.setRegisterShutdownHook(false)
				.start();
			DatabaseEndpoint admin = new DatabaseEndpoint("127.0.0.1", port, "postgres", SUPERUSER, adminPassword);
			EmbeddedPostgresEngine engine = new EmbeddedPostgresEngine(postgres, admin);
			engine.harden(dataDirectory);
			return engine;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof LauncherException launcherException) {
				throw launcherException;
			}
			throw new LauncherException("PostgreSQL did not start (" + rootMessage(ex) + "). See " + logFile
					+ ". If data/secrets.env was deleted but " + dataDirectory
					+ " was kept, the superuser password no longer matches: restore the file or delete the directory.",
					ex);
		}
	}

	/** The superuser endpoint, on the maintenance database {@code postgres}. */
	public DatabaseEndpoint admin() {
		return this.admin;
	}

	public int port() {
		return this.postgres.getPort();
	}

	private void harden(Path dataDirectory) throws IOException {
		if (hbaIsManaged(dataDirectory)) {
			return;
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("alter role " + SUPERUSER + " password " + Sql.literal(this.admin.password()));
			writeHba(dataDirectory);
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IOException("could not set the superuser password: " + ex.getMessage(), ex);
		}
	}

	private static boolean hbaIsManaged(Path dataDirectory) {
		try {
			Path hba = dataDirectory.resolve("pg_hba.conf");
			return Files.exists(hba) && Files.readString(hba).contains(HBA_MARKER);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void writeHba(Path dataDirectory) {
		String hba = HBA_MARKER + "\n" + "local all all scram-sha-256\n" + "host all all 127.0.0.1/32 scram-sha-256\n"
				+ "host all all ::1/128 scram-sha-256\n";
		try {
			Files.writeString(dataDirectory.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new LauncherException("could not write pg_hba.conf: " + ex.getMessage(), ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage());
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new LauncherException("PostgreSQL did not stop cleanly: " + ex.getMessage(), ex);
		}
	}

}
