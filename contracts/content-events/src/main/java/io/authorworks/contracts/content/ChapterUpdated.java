package io.authorworks.contracts.content;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * A chapter's title, text or status changed (a save, a restore or an import). The text
 * itself is not carried: consumers that need it read it through the API, and
 * {@code chapterVersion} tells them whether what they hold is stale.
 *
 * @param bookId the book
 * @param chapterId the chapter
 * @param position its 1-based position in the book
 * @param title the title
 * @param status {@code draft}, {@code revising} or {@code final}
 * @param wordCount words in the current text
 * @param chapterVersion the chapter's version after the change
 * @param updatedAt when
 */
public record ChapterUpdated(UUID bookId, UUID chapterId, int position, String title, String status, long wordCount,
		long chapterVersion, Instant updatedAt) implements DomainEvent {

	public static final String TYPE = "chapter.updated";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "chapters/" + this.chapterId;
	}

}
