package io.authorworks.users.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account as stored in {@code users.users}.
 */
public record UserAccount(UUID id, String email, String username, String displayName, @Nullable String passwordHash,
		@Nullable Instant emailVerifiedAt, Status status, @Nullable String suspendedReason, List<String> roles,
		int failedSignIns, @Nullable Instant lockedUntil, @Nullable String totpSecret, @Nullable Instant totpEnabledAt,
		Instant createdAt, Instant updatedAt) {

	public boolean emailVerified() {
		return this.emailVerifiedAt != null;
	}

	public boolean suspended() {
		return this.status == Status.SUSPENDED;
	}

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public boolean twoFactorEnabled() {
		return this.totpEnabledAt != null && this.totpSecret != null;
	}

	/** Whether an account may sign in or hold tokens. */
	public enum Status {

		ACTIVE, SUSPENDED;

		String dbValue() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Status of(String value) {
			return valueOf(value.toUpperCase(java.util.Locale.ROOT));
		}

	}

}
