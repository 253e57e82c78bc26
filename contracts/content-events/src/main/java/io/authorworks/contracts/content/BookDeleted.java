package io.authorworks.contracts.content;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * A book and everything in it was deleted; consumers drop what they hold about it.
 *
 * @param bookId the deleted book
 * @param ownerId who owned it
 * @param deletedAt when
 */
public record BookDeleted(UUID bookId, UUID ownerId, Instant deletedAt) implements DomainEvent {

	public static final String TYPE = "book.deleted";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "books/" + this.bookId;
	}

}
