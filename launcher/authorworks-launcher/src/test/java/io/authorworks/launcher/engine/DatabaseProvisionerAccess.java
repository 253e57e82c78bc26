package io.authorworks.launcher.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens the provisioner's admin connection for tests in other packages. */
public final class DatabaseProvisionerAccess {

	private DatabaseProvisionerAccess() {
	}

	public static Connection connect(DatabaseEndpoint endpoint) throws SQLException {
		return DatabaseProvisioner.connect(endpoint);
	}

}
