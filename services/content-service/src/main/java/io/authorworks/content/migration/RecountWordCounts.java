package io.authorworks.content.migration;

import java.util.ArrayList;
import java.util.List;

import io.authorworks.lib.storystore.WordCount;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Migration 5: stores the {@link WordCount} of every chapter, chapter revision and
 * published chapter that still carries another count, and in each book whose chapters
 * changed the sum of its chapters. Until content-worker used the library's counter it
 * counted generated chapters by whitespace ({@code boat—split} as one word, {@code * * *}
 * as three), and those chapters kept that count until the author's next save.
 * <p>
 * A recount is not an edit: it leaves every version (so every ETag, and every
 * {@code If-Match} an open editor holds, stays valid), every {@code updated_at} and the
 * revision history alone, and writes only rows whose count differs, so a second run
 * changes nothing. It reads in keyset pages of {@value #BATCH} rows, so a large table
 * never sits in memory, all inside the one transaction Flyway runs it in, so a failure
 * leaves nothing half recounted. A chapter an author saves meanwhile keeps the count that
 * save stored.
 * <p>
 * Flyway takes it as a bean (Spring Boot hands every {@link JavaMigration} bean to
 * Flyway), which keeps it under the service's package; the next SQL migration is V6.
 */
@Component
class RecountWordCounts implements JavaMigration {

	/** Rows read, counted and corrected at a time. */
	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(RecountWordCounts.class);

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("5");
	}

	@Override
	public String getDescription() {
		return "recount word counts";
	}

	@Override
	public @Nullable Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) {
		WordCountTables tables = new WordCountTables(context.getConnection());
		int chapters = 0;
		int books = 0;
		for (var page = tables.chapters(null, BATCH); !page.isEmpty(); page = tables.chapters(page.getLast().id(),
				BATCH)) {
			WordCountTables.Corrected corrected = tables.correctChapters(recounted(page));
			chapters += corrected.rows();
			// A book whose chapters span pages is summed after each page that corrected
			// one of them; the last sum includes every corrected chapter.
			books += tables.sumChapters(corrected.books());
		}
		int revisions = 0;
		for (var page = tables.revisions(null, BATCH); !page.isEmpty(); page = tables.revisions(page.getLast().id(),
				BATCH)) {
			revisions += tables.correctRevisions(recounted(page));
		}
		int published = 0;
		for (var page = tables.published(null, BATCH); !page.isEmpty(); page = tables.published(page.getLast(),
				BATCH)) {
			published += tables.correctPublished(recounted(page));
		}
		log.info("Recounted words: corrected {} chapters, {} book totals, {} revisions and {} published chapters",
				chapters, books, revisions, published);
	}

	/** The rows whose stored count is not the library's, each with the library's. */
	private static <R extends WordCountTables.Counted<R>> List<R> recounted(List<R> rows) {
		List<R> wrong = new ArrayList<>();
		for (R row : rows) {
			int words = WordCount.ofMarkdown(row.content());
			if (words != row.words()) {
				wrong.add(row.withWords(words));
			}
		}
		return wrong;
	}

}
