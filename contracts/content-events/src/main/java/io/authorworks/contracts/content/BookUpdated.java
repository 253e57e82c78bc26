package io.authorworks.contracts.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A book's details changed, or it was unpublished ({@code published} false). Carries the
 * book as it now is; {@code bookVersion} lets consumers ignore a stale update that
 * arrives late.
 *
 * @param bookId the book
 * @param ownerId its owner
 * @param title the title
 * @param subtitle the subtitle, if any
 * @param description the description, if any
 * @param language BCP 47 language tag
 * @param genres genres, lower case
 * @param tags tags, lower case
 * @param status {@code draft}, {@code writing}, {@code editing}, {@code published} or
 * {@code archived}
 * @param visibility {@code private}, {@code unlisted} or {@code public}
 * @param published whether readers can read it now
 * @param seriesId the series it belongs to, if any
 * @param coverRef the cover's URL or storage key, if any
 * @param bookVersion the book's version after the change
 * @param updatedAt when
 */
public record BookUpdated(UUID bookId, UUID ownerId, String title, @Nullable String subtitle,
		@Nullable String description, String language, List<String> genres, List<String> tags, String status,
		String visibility, boolean published, @Nullable UUID seriesId, @Nullable String coverRef, long bookVersion,
		Instant updatedAt) implements DomainEvent {

	public static final String TYPE = "book.updated";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "books/" + this.bookId;
	}

}
