package io.authorworks.platform.test.houserules.good.book;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.stereotype.Repository;

/**
 * A repository: the only place that touches the database.
 */
@Repository
class Books {

	private final DataSource dataSource;

	Books(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	List<BookRow> all() {
		return (this.dataSource != null) ? List.of() : List.of();
	}

	/**
	 * A row of the books table.
	 *
	 * @param id the id
	 * @param title the title
	 */
	record BookRow(UUID id, String title) {
	}

}
