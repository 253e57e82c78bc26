package io.authorworks.contracts.content;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * An admin lifted a takedown: the book is back as it was before (readable again when it
 * is published), and its owner may publish it again.
 *
 * @param bookId the book
 * @param ownerId who owns it
 * @param restoredAt when
 */
public record BookRestored(UUID bookId, UUID ownerId, Instant restoredAt) implements DomainEvent {

	public static final String TYPE = "book.restored";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "books/" + this.bookId;
	}

}
