package io.authorworks.contracts.content;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * A chapter became readable by the public as chapter {@code number} of its book, or its
 * published text was replaced by a newer one.
 *
 * @param bookId the book
 * @param chapterId the chapter
 * @param number its 1-based number among the published chapters
 * @param title the published title
 * @param wordCount words in the published text
 * @param chapterVersion the chapter version that was published
 * @param publishedAt when
 */
public record ChapterPublished(UUID bookId, UUID chapterId, int number, String title, long wordCount,
		long chapterVersion, Instant publishedAt) implements DomainEvent {

	public static final String TYPE = "chapter.published";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "chapters/" + this.chapterId;
	}

}
