package io.authorworks.content.provenance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.content.provenance.ProvenanceController.Passage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@code chapter_provenance} rows the worker writes beside each generated
 * revision.
 */
@Repository
class ChapterProvenance {

	private final JdbcClient jdbc;

	ChapterProvenance(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The chapter's current revision number, if the chapter is in this book. */
	Optional<Integer> currentRevision(UUID bookId, UUID chapterId) {
		return this.jdbc.sql("""
				select max(r.number) from chapters c join chapter_revisions r on r.chapter_id = c.id
				where c.id = :chapter and c.book_id = :book
				""").param("chapter", chapterId).param("book", bookId).query(Integer.class).optional();
	}

	/** The chapter's generated passages, newest revision first. */
	List<Passage> passages(UUID chapterId) {
		return this.jdbc.sql("""
				select revision, start_offset, end_offset, job_id, step_index, operation, provider, model, offline,
				    created_at
				from chapter_provenance where chapter_id = :chapter order by revision desc, start_offset
				""")
			.param("chapter", chapterId)
			.query((rs, n) -> new Passage(rs.getInt("revision"), rs.getInt("start_offset"), rs.getInt("end_offset"),
					rs.getObject("job_id", UUID.class), (Integer) rs.getObject("step_index"), rs.getString("operation"),
					rs.getString("provider"), rs.getString("model"), rs.getBoolean("offline"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}
