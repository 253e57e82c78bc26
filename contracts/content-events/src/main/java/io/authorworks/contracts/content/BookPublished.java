package io.authorworks.contracts.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * A book became readable by the public, or was published again with new chapters. Carries
 * what a catalogue or search index needs, so consumers need no call back for the basics.
 *
 * @param bookId the book
 * @param ownerId its owner (the author readers see)
 * @param title the title
 * @param language BCP 47 language tag
 * @param genres genres, lower case
 * @param visibility {@code public} (listed) or {@code unlisted} (readable by link only)
 * @param chapterCount chapters readers can now read
 * @param wordCount words in those chapters
 * @param bookVersion the book's version after publishing, for ordering updates
 * @param publishedAt when
 */
public record BookPublished(UUID bookId, UUID ownerId, String title, String language, List<String> genres,
		String visibility, int chapterCount, long wordCount, long bookVersion,
		Instant publishedAt) implements DomainEvent {

	public static final String TYPE = "book.published";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "books/" + this.bookId;
	}

}
