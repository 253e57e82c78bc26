package io.authorworks.platform.test.houserules.bad.book;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Service;

/**
 * An application service that runs its own SQL.
 */
@Service
class BookCatalog {

	private final DataSource dataSource;

	BookCatalog(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	void rename(String title) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.prepareStatement("update books set title = ?").setString(1, title);
		}
	}

}
