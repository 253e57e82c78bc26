package io.authorworks.content.chapter;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.authorworks.content.ContentProperties;
import io.authorworks.content.book.Books;
import io.authorworks.contracts.content.ChapterUpdated;
import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.BookNotFoundException;
import io.authorworks.content.member.Permission;
import io.authorworks.content.revision.Revision;
import io.authorworks.content.revision.Revisions;
import io.authorworks.lib.storystore.ChapterTables;
import io.authorworks.content.support.Titles;
import io.authorworks.platform.core.Checks;
import io.authorworks.platform.core.ETags;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.events.Outbox;
import io.authorworks.platform.web.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing chapters: creating, saving, renaming, restoring, deleting and reordering them.
 * Every change locks the book row first (then the chapter row), which serializes the
 * changes to one book's chapters and keeps positions exactly 1..n; records a revision
 * when the title or text changed; keeps the book's word count; and announces
 * {@link ChapterUpdated}.
 */
@Service
public class ChapterEditing {

	private final Chapters chapters;

	private final Books books;

	private final BookAccess access;

	private final Revisions revisions;

	private final Outbox outbox;

	private final ContentProperties properties;

	ChapterEditing(Chapters chapters, Books books, BookAccess access, Revisions revisions, Outbox outbox,
			ContentProperties properties) {
		this.chapters = chapters;
		this.books = books;
		this.access = access;
		this.revisions = revisions;
		this.outbox = outbox;
		this.properties = properties;
	}

	List<Chapter> page(Caller.User caller, UUID bookId, int afterPosition, int limit) {
		this.access.require(caller, bookId, Permission.READ);
		return this.chapters.page(bookId, afterPosition, limit);
	}

	/** The chapter, read with the caller's standing in its book in one query. */
	Chapter find(Caller.User caller, UUID bookId, UUID chapterId) {
		Chapters.Read read = this.chapters.read(caller.id(), bookId, chapterId).orElseThrow(BookNotFoundException::new);
		BookAccess.require(read.grant(), Permission.READ);
		return Optional.ofNullable(read.chapter()).orElseThrow(ChapterEditing::notFound);
	}

	/**
	 * The chapter's ETag, without its text, for revalidation; the same problems as
	 * {@link #find} when the caller may not read it.
	 */
	String etag(Caller.User caller, UUID bookId, UUID chapterId) {
		Chapters.Tag tag = this.chapters.tag(caller.id(), bookId, chapterId).orElseThrow(BookNotFoundException::new);
		BookAccess.require(tag.grant(), Permission.READ);
		return Optional.ofNullable(tag.etag()).orElseThrow(ChapterEditing::notFound);
	}

	@Transactional
	Chapter create(Caller.User caller, UUID bookId, @Nullable String title, @Nullable String content,
			@Nullable String status, @Nullable Integer position) {
		this.access.require(caller, bookId, Permission.EDIT);
		Checks checks = new Checks();
		String checkedTitle = (title != null) ? checks.required("title", title, Titles.MAX_LENGTH) : null;
		String checkedContent = checks.longText("content", content, this.properties.maxChapterCharacters());
		String checkedStatus = checks.oneOf("status", status, Chapter.STATUSES);
		checks.throwIfInvalid();
		this.books.lock(bookId);
		int count = this.chapters.order(bookId).size();
		if (position != null && (position < 1 || position > count + 1)) {
			throw new InvalidRequestException("position", "Use a position from 1 to " + (count + 1) + ".");
		}
		ensureRoom(count, 1);
		int place = (position != null) ? position : count + 1;
		if (place <= count) {
			this.chapters.makeRoom(bookId, place);
		}
		Chapter chapter = insert(caller, bookId, place, (checkedTitle != null) ? checkedTitle : "Chapter " + place,
				Objects.requireNonNullElse(checkedContent, ""), Objects.requireNonNullElse(checkedStatus, "draft"),
				"created");
		this.chapters.recordActivity(bookId);
		return chapter;
	}

	/**
	 * Appends chapters made outside the editor (an import) to the end of a book, each
	 * with its first revision. The caller needs {@link Permission#EDIT}.
	 */
	@Transactional
	public List<Chapter> append(Caller.User caller, UUID bookId, List<NewChapter> drafts) {
		this.access.require(caller, bookId, Permission.EDIT);
		Checks checks = new Checks();
		for (int i = 0; i < drafts.size(); i++) {
			checks.required("chapters[" + i + "].title", drafts.get(i).title(), 200);
			checks.longText("chapters[" + i + "].content", drafts.get(i).content(),
					this.properties.maxChapterCharacters());
		}
		checks.throwIfInvalid();
		this.books.lock(bookId);
		int count = this.chapters.order(bookId).size();
		ensureRoom(count, drafts.size());
		List<Chapter> created = new ArrayList<>();
		for (NewChapter draft : drafts) {
			created.add(insert(caller, bookId, count + created.size() + 1, draft.title().strip(), draft.content(),
					"draft", "imported"));
		}
		this.chapters.recordActivity(bookId);
		return created;
	}

	@Transactional
	Chapter update(Caller.User caller, UUID bookId, UUID chapterId, @Nullable String title, @Nullable String status,
			ETags.Precondition precondition) {
		this.access.require(caller, bookId, Permission.EDIT);
		Checks checks = new Checks();
		String checkedTitle = (title != null) ? checks.required("title", title, Titles.MAX_LENGTH) : null;
		String checkedStatus = checks.oneOf("status", status, Chapter.STATUSES);
		checks.throwIfInvalid();
		Chapter current = lockChapter(bookId, chapterId);
		precondition.require(current.version(), "chapter");
		return change(caller, current, (checkedTitle != null) ? checkedTitle : current.title(), current.content(),
				(checkedStatus != null) ? checkedStatus : current.status(), "saved", null);
	}

	@Transactional
	Chapter saveContent(Caller.User caller, UUID bookId, UUID chapterId, @Nullable String content,
			ETags.Precondition precondition) {
		this.access.require(caller, bookId, Permission.EDIT);
		Checks checks = new Checks();
		if (content == null) {
			checks.add("content", "Required: the chapter's Markdown (may be empty).");
		}
		String checked = checks.longText("content", content, this.properties.maxChapterCharacters());
		checks.throwIfInvalid();
		Chapter current = lockChapter(bookId, chapterId);
		precondition.require(current.version(), "chapter");
		return change(caller, current, current.title(), Objects.requireNonNull(checked), current.status(), "saved",
				null);
	}

	@Transactional
	Chapter restore(Caller.User caller, UUID bookId, UUID chapterId, int number, ETags.Precondition precondition) {
		this.access.require(caller, bookId, Permission.EDIT);
		Chapter current = lockChapter(bookId, chapterId);
		precondition.check(current.version(), "chapter");
		Revision revision = this.revisions.find(bookId, chapterId, number);
		Chapter restored = change(caller, current, revision.title(), revision.content(), current.status(), "restored",
				number);
		if (restored == current) {
			// Restoring the current text still leaves a trace in the history.
			return forceRestore(caller, current, number);
		}
		return restored;
	}

	@Transactional
	void delete(Caller.User caller, UUID bookId, UUID chapterId, ETags.Precondition precondition) {
		this.access.require(caller, bookId, Permission.EDIT);
		Chapter current = lockChapter(bookId, chapterId);
		precondition.require(current.version(), "chapter");
		this.chapters.delete(current);
		this.chapters.recordActivity(bookId);
	}

	@Transactional
	List<UUID> reorder(Caller.User caller, UUID bookId, @Nullable List<UUID> requested) {
		this.access.require(caller, bookId, Permission.EDIT);
		this.books.lock(bookId);
		List<UUID> current = this.chapters.order(bookId);
		Checks checks = new Checks();
		ChapterOrder.checkPermutation(checks, current, requested);
		checks.throwIfInvalid();
		this.chapters.reposition(bookId, Objects.requireNonNull(requested));
		this.chapters.recordActivity(bookId);
		return List.copyOf(requested);
	}

	@Transactional
	Chapter move(Caller.User caller, UUID bookId, UUID chapterId, @Nullable Integer position) {
		this.access.require(caller, bookId, Permission.EDIT);
		Chapter chapter = lockChapter(bookId, chapterId);
		List<UUID> current = this.chapters.order(bookId);
		if (position == null || position < 1 || position > current.size()) {
			throw new InvalidRequestException("position", "Use a position from 1 to " + current.size() + ".");
		}
		this.chapters.reposition(bookId, ChapterOrder.move(current, chapter.position(), position));
		this.chapters.recordActivity(bookId);
		return this.chapters.find(bookId, chapterId).orElseThrow();
	}

	private Chapter lockChapter(UUID bookId, UUID chapterId) {
		this.books.lock(bookId);
		return this.chapters.lock(bookId, chapterId).orElseThrow(ChapterEditing::notFound);
	}

	private void ensureRoom(int count, int adding) {
		if (count + adding > this.properties.maxChaptersPerBook()) {
			throw new InvalidRequestException("chapters", "A book can hold at most "
					+ this.properties.maxChaptersPerBook() + " chapters; it has " + count + ".");
		}
	}

	private Chapter insert(Caller.User caller, UUID bookId, int position, String title, String content, String status,
			String kind) {
		ChapterTables.Written written = this.chapters.insert(
				new ChapterTables.NewChapter(bookId, position, title, content, status, null),
				ChapterTables.Author.of(caller.id(), kind));
		Chapter chapter = this.chapters.find(bookId, written.chapterId()).orElseThrow();
		announce(chapter);
		return chapter;
	}

	private Chapter change(Caller.User caller, Chapter current, String title, String content, String status,
			String kind, @Nullable Integer restoredFrom) {
		boolean textChanged = !title.equals(current.title()) || !content.equals(current.content());
		if (!textChanged && status.equals(current.status())) {
			return current;
		}
		ChapterTables.Written written = this.chapters.update(current, title, content, status,
				textChanged ? new ChapterTables.Author(caller.id(), kind, restoredFrom, null) : null);
		// The row as written, without reading its text back: only these columns changed
		// (the book and chapter locks keep position and publication where they were).
		Chapter changed = new Chapter(current.id(), current.bookId(), current.position(), title, content,
				written.words(), status, current.publishedAt(), written.version(), current.createdAt(),
				Objects.requireNonNull(written.updatedAt()), written.stamp());
		this.chapters.recordActivity(changed.bookId());
		announce(changed);
		return changed;
	}

	private Chapter forceRestore(Caller.User caller, Chapter current, int number) {
		this.chapters.keepAgain(current, new ChapterTables.Author(caller.id(), "restored", number, null));
		Chapter changed = this.chapters.find(current.bookId(), current.id()).orElseThrow();
		announce(changed);
		return changed;
	}

	private void announce(Chapter chapter) {
		this.outbox.publish(new ChapterUpdated(chapter.bookId(), chapter.id(), chapter.position(), chapter.title(),
				chapter.status(), chapter.wordCount(), chapter.version(),
				chapter.updatedAt().truncatedTo(ChronoUnit.MILLIS)));
	}

	private static NotFoundException notFound() {
		return new NotFoundException("There is no such chapter in this book.");
	}

	/**
	 * A chapter made outside the editor.
	 *
	 * @param title its title
	 * @param content its Markdown
	 */
	public record NewChapter(String title, String content) {
	}

}
