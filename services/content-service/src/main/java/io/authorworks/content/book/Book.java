package io.authorworks.content.book;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A book as stored.
 *
 * @param id the book
 * @param ownerId its owner
 * @param title the title
 * @param subtitle the subtitle
 * @param description the blurb
 * @param genres genres, lower case
 * @param tags tags, lower case
 * @param language BCP 47 language tag
 * @param status {@code draft}, {@code writing}, {@code editing}, {@code published} or
 * {@code archived}
 * @param visibility {@code private}, {@code unlisted} or {@code public}
 * @param seriesId the series it belongs to
 * @param seriesPosition its 1-based place in that series
 * @param coverRef the cover's URL or storage key
 * @param wordCount words in all its chapters, kept up to date by every chapter change
 * @param publishedAt when it was first published (since it was last unpublished)
 * @param takenDownAt when an admin took it down from readers, while it stays down
 * @param takedownReason why, as the admin told its owner
 * @param version bumped by every change to the book's own details
 * @param createdAt when it was created
 * @param updatedAt when it or one of its chapters last changed
 */
public record Book(UUID id, UUID ownerId, String title, @Nullable String subtitle, @Nullable String description,
		List<String> genres, List<String> tags, String language, String status, String visibility,
		@Nullable UUID seriesId, @Nullable Integer seriesPosition, @Nullable String coverRef, long wordCount,
		@Nullable Instant publishedAt, @Nullable Instant takenDownAt, @Nullable String takedownReason, long version,
		Instant createdAt, Instant updatedAt) {

	public static final List<String> STATUSES = List.of("draft", "writing", "editing", "published", "archived");

	public static final List<String> VISIBILITIES = List.of("private", "unlisted", "public");

	public boolean published() {
		return "published".equals(this.status);
	}

	/**
	 * Whether an admin took the book down, so readers cannot see it and it cannot be
	 * published.
	 */
	public boolean takenDown() {
		return this.takenDownAt != null;
	}

}
