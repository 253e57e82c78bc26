package io.authorworks.content.revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.Permission;
import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A chapter's history: its revisions and what changed between any two of them.
 */
@RestController
@RequestMapping("/content/books/{bookId}/chapters/{chapterId}")
@Tag(name = "Revisions", description = "Every saved state of a chapter, compared and restorable")
class RevisionController {

	private final Revisions revisions;

	private final BookAccess access;

	RevisionController(Revisions revisions, BookAccess access) {
		this.revisions = revisions;
		this.access = access;
	}

	@GetMapping("/revisions")
	@Operation(summary = "A chapter's revisions, newest first",
			description = "The first item of the first page is the chapter as it is now.")
	Page<RevisionSummary> list(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		this.access.require(user, bookId, Permission.READ);
		int latest = latest(bookId, chapterId).number();
		int size = Cursors.limit(limit);
		Cursors.Keyset after = Cursors.keyset(cursor, "revisions", 1);
		Integer before = (after != null) ? after.integer(0) : null;
		List<Revision> found = this.revisions.page(bookId, chapterId, before, size + 1);
		return Page.of(found, size, (r) -> Cursors.encode("revisions", String.valueOf(r.number())))
			.map((r) -> RevisionSummary.of(r, latest));
	}

	@GetMapping("/revisions/{number}")
	@Operation(summary = "One revision with its text")
	RevisionResponse find(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@PathVariable int number) {
		this.access.require(user, bookId, Permission.READ);
		int latest = latest(bookId, chapterId).number();
		Revision revision = this.revisions.find(bookId, chapterId, number);
		return new RevisionResponse(RevisionSummary.of(revision, latest), revision.content());
	}

	@GetMapping("/diff")
	@Operation(summary = "What changed between two revisions, or between a revision and the chapter now",
			description = "'from' and 'to' are revision numbers or 'current'; 'to' defaults to 'current'. The answer "
					+ "has unified-diff lines and the same changes as structured data.")
	DiffResponse diff(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId,
			@RequestParam String from, @RequestParam(required = false, defaultValue = "current") String to) {
		this.access.require(user, bookId, Permission.READ);
		Revision current = latest(bookId, chapterId);
		Revision older = resolve(bookId, chapterId, from, current, "from");
		Revision newer = resolve(bookId, chapterId, to, current, "to");
		RevisionDiff diff = RevisionDiff.between("revision " + older.number(), older.content(),
				"revision " + newer.number(), newer.content());
		TitleChange title = older.title().equals(newer.title()) ? null : new TitleChange(older.title(), newer.title());
		return new DiffResponse(RevisionSummary.of(older, current.number()),
				RevisionSummary.of(newer, current.number()), title, diff.unified(), diff.changes(), diff.linesAdded(),
				diff.linesRemoved());
	}

	private Revision resolve(UUID bookId, UUID chapterId, String which, Revision current, String parameter) {
		if ("current".equals(which)) {
			return current;
		}
		try {
			return this.revisions.find(bookId, chapterId, Integer.parseInt(which));
		}
		catch (NumberFormatException ex) {
			throw new ProblemException(ProblemType.BAD_REQUEST,
					"Parameter '" + parameter + "' must be a revision number or 'current'.");
		}
	}

	private Revision latest(UUID bookId, UUID chapterId) {
		return this.revisions.latest(bookId, chapterId)
			.orElseThrow(() -> new NotFoundException("There is no such chapter."));
	}

	/**
	 * A revision without its text.
	 *
	 * @param number its number
	 * @param kind created, saved, restored or imported
	 * @param restoredFrom for a restore, the revision it brought back
	 * @param authorId who saved it
	 * @param title the chapter title then
	 * @param wordCount its words
	 * @param chapterVersion the chapter version it produced
	 * @param current whether it is the chapter as it is now
	 * @param createdAt when
	 */
	record RevisionSummary(int number, String kind, @Nullable Integer restoredFrom, UUID authorId, String title,
			int wordCount, long chapterVersion, boolean current, Instant createdAt) {

		static RevisionSummary of(Revision revision, int latest) {
			return new RevisionSummary(revision.number(), revision.kind(), revision.restoredFrom(), revision.authorId(),
					revision.title(), revision.wordCount(), revision.chapterVersion(), revision.number() == latest,
					revision.createdAt());
		}

	}

	/**
	 * A revision with its text.
	 *
	 * @param revision the revision
	 * @param content its Markdown
	 */
	record RevisionResponse(RevisionSummary revision, String content) {
	}

	/**
	 * The title before and after, when it changed.
	 *
	 * @param from the older title
	 * @param to the newer title
	 */
	record TitleChange(String from, String to) {
	}

	/**
	 * The difference between two revisions.
	 *
	 * @param from the older side
	 * @param to the newer side
	 * @param title how the title changed, if it did
	 * @param unified unified-diff lines
	 * @param changes the same changes, structured
	 * @param linesAdded lines only in the newer side
	 * @param linesRemoved lines only in the older side
	 */
	record DiffResponse(RevisionSummary from, RevisionSummary to, @Nullable TitleChange title, List<String> unified,
			List<RevisionDiff.Change> changes, int linesAdded, int linesRemoved) {
	}

}
