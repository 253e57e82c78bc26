package io.authorworks.contracts.users;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * An admin suspended an account: it gets no more tokens and its refresh tokens are
 * revoked.
 *
 * @param userId the suspended account
 * @param reason why, as the admin wrote it
 * @param suspendedAt when
 */
public record UserSuspended(UUID userId, String reason, Instant suspendedAt) implements DomainEvent {

	public static final String TYPE = "user.suspended";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "users/" + this.userId;
	}

}
