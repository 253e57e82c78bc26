package io.authorworks.content.publishing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.authorworks.content.book.Book;
import io.authorworks.content.book.BookTakenDownException;
import io.authorworks.content.book.Books;
import io.authorworks.content.chapter.Chapter;
import io.authorworks.content.chapter.Chapters;
import io.authorworks.contracts.content.BookPublished;
import io.authorworks.contracts.content.ChapterPublished;
import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.Permission;
import io.authorworks.platform.core.Checks;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.events.Outbox;
import io.authorworks.platform.web.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a book: readers get a snapshot of its chapters marked {@code final} (or of
 * all chapters, when asked), numbered 1..k in book order. Later edits stay private until
 * the book is published again, so readers never see half-written text. Publishing again
 * replaces the snapshot; chapters whose text did not change keep their publication time,
 * and chapters readers have are only taken away when the request says so.
 */
@Service
class Publishing {

	static final List<String> INCLUDES = List.of("final", "all");

	static final ProblemType REMOVES_CHAPTERS = new ProblemType("publish-removes-chapters",
			"Publishing this would take chapters away from readers", 409);

	private final JdbcClient jdbc;

	private final Books books;

	private final Chapters chapters;

	private final BookAccess access;

	private final Outbox outbox;

	Publishing(JdbcClient jdbc, Books books, Chapters chapters, BookAccess access, Outbox outbox) {
		this.jdbc = jdbc;
		this.books = books;
		this.chapters = chapters;
		this.access = access;
		this.outbox = outbox;
	}

	@Transactional
	Published publish(Caller.User user, UUID bookId, @Nullable String include, @Nullable String visibility,
			boolean removeChapters) {
		this.access.require(user, bookId, Permission.PUBLISH);
		Checks checks = new Checks();
		String which = Objects.requireNonNullElse(checks.oneOf("include", include, INCLUDES), "final");
		String seen = checks.oneOf("visibility", visibility, List.of("public", "unlisted"));
		checks.throwIfInvalid();
		Book book = this.books.lock(bookId);
		if (book.takenDown()) {
			throw new BookTakenDownException(book);
		}
		String target = (seen != null) ? seen : book.visibility();
		if ("private".equals(target)) {
			throw new InvalidRequestException("visibility",
					"The book is private; publish it as 'public' (listed) or 'unlisted' (readable by link).");
		}
		List<Chapter> selected = this.chapters.inOrder(bookId)
			.stream()
			.filter((c) -> "all".equals(which) || "final".equals(c.status()))
			.toList();
		if (selected.isEmpty()) {
			throw new InvalidRequestException("include",
					"all".equals(which) ? "The book has no chapters yet."
							: "No chapter is marked final; mark the chapters readers should see as final, or send "
									+ "include=all.");
		}
		Map<UUID, Previous> previous = new HashMap<>();
		this.jdbc
			.sql("select chapter_id, number, title, chapter_version, published_at from published_chapters "
					+ "where book_id = :book")
			.param("book", bookId)
			.query((rs, n) -> new Previous(rs.getObject("chapter_id", UUID.class), rs.getInt("number"),
					rs.getString("title"), rs.getLong("chapter_version"), rs.getTimestamp("published_at").toInstant()))
			.list()
			.forEach((p) -> previous.put(p.chapterId(), p));
		Set<UUID> selectedIds = selected.stream().map(Chapter::id).collect(Collectors.toSet());
		List<Previous> removed = previous.values()
			.stream()
			.filter((p) -> !selectedIds.contains(p.chapterId()))
			.sorted(Comparator.comparingInt(Previous::number))
			.toList();
		if (!removed.isEmpty() && !removeChapters) {
			// Readers would lose chapters they may be reading; that needs the author's
			// explicit word, never a default.
			throw new ProblemException(REMOVES_CHAPTERS,
					"Readers now have " + previous.size() + " chapters; " + "this selection would take away "
							+ removed.size() + " of them. Include them (include=all "
							+ "or mark them final), or send removeChapters=true to take them away.")
				.with("removedChapters",
						removed.stream()
							.map((p) -> Map.of("chapterId", p.chapterId(), "number", p.number(), "title", p.title()))
							.toList());
		}
		this.jdbc.sql("delete from published_chapters where book_id = :book").param("book", bookId).update();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<UUID> fresh = new ArrayList<>();
		List<UUID> kept = new ArrayList<>();
		List<ChapterPublished> announcements = new ArrayList<>();
		long words = 0;
		for (int i = 0; i < selected.size(); i++) {
			Chapter chapter = selected.get(i);
			int number = i + 1;
			Previous before = previous.get(chapter.id());
			Previous unchanged = (before != null && before.chapterVersion() == chapter.version()) ? before : null;
			boolean sameText = unchanged != null;
			Instant publishedAt = (unchanged != null) ? unchanged.publishedAt() : now;
			(sameText ? kept : fresh).add(chapter.id());
			this.jdbc.sql("""
					insert into published_chapters (book_id, number, chapter_id, title, content, word_count,
					                                chapter_version, published_at)
					values (:book, :number, :chapter, :title, :content, :words, :version, :at)
					""")
				.param("book", bookId)
				.param("number", number)
				.param("chapter", chapter.id())
				.param("title", chapter.title())
				.param("content", chapter.content())
				.param("words", chapter.wordCount())
				.param("version", chapter.version())
				.param("at", Timestamp.from(publishedAt))
				.update();
			words += chapter.wordCount();
			if (unchanged == null || unchanged.number() != number) {
				announcements.add(new ChapterPublished(bookId, chapter.id(), number, chapter.title(),
						chapter.wordCount(), chapter.version(), publishedAt.truncatedTo(ChronoUnit.MILLIS)));
			}
		}
		this.chapters.markPublished(bookId, fresh, kept);
		Book published = this.books.markPublished(bookId, target);
		this.outbox.publish(new BookPublished(bookId, published.ownerId(), published.title(), published.language(),
				published.genres(), published.visibility(), selected.size(), words, published.version(),
				now.truncatedTo(ChronoUnit.MILLIS)));
		announcements.forEach(this.outbox::publish);
		return new Published(published, selected.size(), words);
	}

	@Transactional
	Book unpublish(Caller.User user, UUID bookId) {
		this.access.require(user, bookId, Permission.PUBLISH);
		Book book = this.books.lock(bookId);
		if (!book.published()) {
			return book;
		}
		this.jdbc.sql("delete from published_chapters where book_id = :book").param("book", bookId).update();
		this.chapters.markPublished(bookId, List.of(), List.of());
		return this.books.markUnpublished(bookId);
	}

	/**
	 * The outcome of publishing.
	 *
	 * @param book the book now
	 * @param chapters how many chapters readers can read
	 * @param wordCount words in them
	 */
	record Published(Book book, int chapters, long wordCount) {
	}

	private record Previous(UUID chapterId, int number, String title, long chapterVersion, Instant publishedAt) {
	}

}
