package io.authorworks.users.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.core.Cursors;
import io.authorworks.platform.core.Page;
import io.authorworks.platform.web.security.Caller;
import io.authorworks.platform.web.security.Roles;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;
import io.authorworks.users.identity.SigningKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API. Only people with the {@code admin} role may use it; everyone else gets a
 * {@code 403 role-required} problem.
 */
@RestController
@RequestMapping("/admin")
@Tag(name = "Administration")
class AdminController {

	/** Accounts are listed in id order, which is creation order. */
	private static final String SORT = "id";

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
	Page<AccountSummary> list(Caller.User admin, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String q) {
		admin.requireRole(Roles.ADMIN);
		int size = Cursors.limit(limit);
		Cursors.Keyset after = Cursors.keyset(cursor, SORT, 1);
		UUID afterId = (after != null) ? after.uuid(0) : null;
		return Page
			.of(this.accounts.page(afterId, q, size + 1), size,
					(account) -> Cursors.encode(SORT, account.id().toString()))
			.map(AccountSummary::of);
	}

	@PutMapping("/users/{id}/roles")
	@Operation(summary = "Set an account's roles")
	AccountSummary roles(Caller.User admin, @PathVariable UUID id, @RequestBody RolesRequest request) {
		admin.requireRole(Roles.ADMIN);
		return AccountSummary.of(this.administration.changeRoles(id, request.roles()));
	}

	@PostMapping("/users/{id}/suspend")
	@Operation(summary = "Suspend an account", description = "Revokes its refresh tokens; it gets no new tokens.")
	AccountSummary suspend(Caller.User admin, @PathVariable UUID id, @RequestBody SuspendRequest request) {
		admin.requireRole(Roles.ADMIN);
		return AccountSummary.of(this.administration.suspend(id, request.reason()));
	}

	@PostMapping("/users/{id}/reinstate")
	@Operation(summary = "Lift a suspension")
	AccountSummary reinstate(Caller.User admin, @PathVariable UUID id) {
		admin.requireRole(Roles.ADMIN);
		return AccountSummary.of(this.administration.reinstate(id));
	}

	@PostMapping("/signing-keys/rotate")
	@Operation(summary = "Start signing with a new key", description = "Older keys stay published.")
	RotatedKey rotate(Caller.User admin) {
		admin.requireRole(Roles.ADMIN);
		return new RotatedKey(this.keys.rotate());
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
