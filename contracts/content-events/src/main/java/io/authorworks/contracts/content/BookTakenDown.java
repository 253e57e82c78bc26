package io.authorworks.contracts.content;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * An admin took a published book down: readers can no longer find or read it, and its
 * owner cannot publish it until it is restored. Consumers stop showing it.
 *
 * @param bookId the book
 * @param ownerId who owns it (to tell them)
 * @param reason the admin's reason, written for the owner
 * @param takenDownAt when
 */
public record BookTakenDown(UUID bookId, UUID ownerId, String reason, Instant takenDownAt) implements DomainEvent {

	public static final String TYPE = "book.taken-down";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "books/" + this.bookId;
	}

}
