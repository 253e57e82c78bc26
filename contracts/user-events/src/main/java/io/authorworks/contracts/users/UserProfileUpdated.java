package io.authorworks.contracts.users;

import java.time.Instant;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A user changed their public profile. Carries the profile as it now is, so consumers
 * that mirror it need no call back; {@code version} lets them ignore a stale update that
 * arrives late.
 *
 * @param userId whose profile changed
 * @param version the profile's version after the change
 * @param username the username
 * @param displayName the display name
 * @param bio the biography, if any
 * @param avatarUrl the avatar's URL, if any
 * @param updatedAt when it changed
 */
public record UserProfileUpdated(UUID userId, long version, String username, String displayName, @Nullable String bio,
		@Nullable String avatarUrl, Instant updatedAt) implements DomainEvent {

	public static final String TYPE = "user.profile-updated";

	@Override
	public String eventType() {
		return TYPE;
	}

	@Override
	public String subject() {
		return "users/" + this.userId;
	}

}
