package io.authorworks.platform.test.houserules.bad.book;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.stereotype.Repository;

/**
 * A repository whose row type leaks out of a controller.
 */
@Repository
public class Books {

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
	public record BookRow(UUID id, String title) {
	}

}
