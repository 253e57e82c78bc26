package io.authorworks.users.admin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;
import io.authorworks.users.identity.SigningKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API. Only people with the {@code admin} role reach it.
 */
@RestController
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class AdminController {

	private final UserAccounts accounts;

	private final AccountAdministration administration;

	private final SigningKeys keys;

	AdminController(UserAccounts accounts, AccountAdministration administration, SigningKeys keys) {
		this.accounts = accounts;
		this.administration = administration;
		this.keys = keys;
	}

	@GetMapping("/users")
	@Operation(summary = "List accounts", description = "Cursor pagination; q searches email, username and name.")
	Page list(@RequestParam(defaultValue = "20") int limit, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String q) {
		if (limit < 1 || limit > 100) {
			throw new InvalidRequestException("limit", "Use a limit from 1 to 100.");
		}
		UUID after = (cursor != null) ? decode(cursor) : null;
		List<UserAccount> rows = this.accounts.page(after, q, limit + 1);
		List<AccountSummary> items = rows.stream().limit(limit).map(AccountSummary::of).toList();
		String next = (rows.size() > limit) ? encode(items.getLast().id()) : null;
		return new Page(items, next);
	}

	@PutMapping("/users/{id}/roles")
	@Operation(summary = "Set an account's roles")
	AccountSummary roles(@PathVariable UUID id, @RequestBody RolesRequest request) {
		return AccountSummary.of(this.administration.changeRoles(id, request.roles()));
	}

	@PostMapping("/users/{id}/suspend")
	@Operation(summary = "Suspend an account", description = "Revokes its refresh tokens; it gets no new tokens.")
	AccountSummary suspend(@PathVariable UUID id, @RequestBody SuspendRequest request) {
		return AccountSummary.of(this.administration.suspend(id, request.reason()));
	}

	@PostMapping("/users/{id}/reinstate")
	@Operation(summary = "Lift a suspension")
	AccountSummary reinstate(@PathVariable UUID id) {
		return AccountSummary.of(this.administration.reinstate(id));
	}

	@PostMapping("/signing-keys/rotate")
	@Operation(summary = "Start signing with a new key", description = "Older keys stay published.")
	RotatedKey rotate() {
		return new RotatedKey(this.keys.rotate());
	}

	private static String encode(UUID id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static UUID decode(String cursor) {
		try {
			UUID id = Ids.parseOrNull(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
			if (id != null) {
				return id;
			}
		}
		catch (IllegalArgumentException ex) {
			// fall through to the problem below
		}
		throw new InvalidRequestException("cursor", "This cursor was not made by this API.");
	}

	/** A page of accounts. */
	record Page(List<AccountSummary> items, @Nullable String nextCursor) {
	}

	/** What an admin sees of an account. */
	record AccountSummary(UUID id, String email, boolean emailVerified, String username, String displayName,
			List<String> roles, String status, @Nullable String suspendedReason, Instant createdAt, Instant updatedAt) {

		static AccountSummary of(UserAccount account) {
			return new AccountSummary(account.id(), account.email(), account.emailVerified(), account.username(),
					account.displayName(), account.roles(), account.status().name().toLowerCase(java.util.Locale.ROOT),
					account.suspendedReason(), account.createdAt(), account.updatedAt());
		}

	}

	record RolesRequest(List<String> roles) {
	}

	record SuspendRequest(String reason) {
	}

	record RotatedKey(String kid) {
	}

}
