package io.authorworks.users.admin;

import java.util.UUID;

import io.authorworks.platform.core.NotFoundException;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account lookups for other AuthorWorks services, which call with their own
 * client-credentials token and the {@code users.read} scope.
 */
@RestController
@RequestMapping("/internal/users")
@PreAuthorize("hasAuthority('SCOPE_users.read')")
@Tag(name = "Internal")
class InternalUsersController {

	private final UserAccounts accounts;

	InternalUsersController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/{id}")
	@Operation(summary = "An account's public identity, for services")
	InternalUser find(@PathVariable UUID id) {
		UserAccount account = this.accounts.findById(id).orElseThrow(() -> new NotFoundException("No such account."));
		return new InternalUser(account.id(), account.username(), account.displayName(),
				account.status().name().toLowerCase(java.util.Locale.ROOT));
	}

	record InternalUser(UUID id, String username, String displayName, String status) {
	}

}
