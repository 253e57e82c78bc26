package io.authorworks.contracts.users;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;

/**
 * Someone created an account.
 *
 * @param userId the new account's id
 * @param username the chosen, unique username
 * @param displayName the name shown to other people
 * @param roles the roles the account starts with
 * @param registeredAt when the account was created
 */
public record UserRegistered(UUID userId, String username, String displayName, List<String> roles,
		Instant registeredAt) implements DomainEvent {

	public static final String TYPE = "user.registered";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "users/" + this.userId;
	}

}
