package io.authorworks.content.provenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.content.member.BookAccess;
import io.authorworks.content.member.Permission;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.web.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which passages of a chapter an AI wrote, so the author can always tell.
 */
@RestController
@Tag(name = "Generation")
class ProvenanceController {

	private final ChapterProvenance provenance;

	private final BookAccess access;

	ProvenanceController(ChapterProvenance provenance, BookAccess access) {
		this.provenance = provenance;
		this.access = access;
	}

	@GetMapping("/content/books/{bookId}/chapters/{chapterId}/provenance")
	@Operation(summary = "Where a chapter's generated passages came from",
			description = "Each passage: the revision and character range, the job and step, the provider and "
					+ "model, and whether it was written offline. Members only.")
	Provenance provenance(Caller.User user, @PathVariable UUID bookId, @PathVariable UUID chapterId) {
		this.access.require(user, bookId, Permission.READ);
		int current = this.provenance.currentRevision(bookId, chapterId)
			.orElseThrow(() -> new NotFoundException("There is no such chapter in this book."));
		List<Passage> passages = this.provenance.passages(chapterId);
		return new Provenance(chapterId, current, passages);
	}

	/**
	 * A chapter's provenance.
	 *
	 * @param chapterId the chapter
	 * @param currentRevision the revision that is the current text
	 * @param passages generated passages, newest revision first
	 */
	record Provenance(UUID chapterId, int currentRevision, List<Passage> passages) {
	}

	/**
	 * One generated passage.
	 *
	 * @param revision the revision whose text the offsets refer to
	 * @param start first character (UTF-16 index) of the passage
	 * @param end the index after its last character
	 * @param jobId the job that wrote it, if a job did
	 * @param stepIndex the job's step
	 * @param operation e.g. {@code chapter-prose}
	 * @param provider the provider
	 * @param model the model
	 * @param offline whether the offline generator wrote it
	 * @param createdAt when
	 */
	record Passage(int revision, int start, int end, @Nullable UUID jobId, @Nullable Integer stepIndex,
			String operation, String provider, String model, boolean offline, Instant createdAt) {
	}

}
