package io.authorworks.users.admin;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.events.Outbox;
import io.authorworks.platform.web.security.Roles;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;
import io.authorworks.contracts.users.UserSuspended;
import io.authorworks.users.identity.AccountSessions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins may do to accounts. Suspending takes effect at once: the account can no
 * longer sign in, its refresh tokens are revoked, and no token endpoint will issue it
 * anything.
 */
@Service
class AccountAdministration {

	static final Set<String> ROLES = Set.copyOf(Roles.ALL);

	private final UserAccounts accounts;

	private final AccountSessions sessions;

	private final Outbox outbox;

	private final Clock clock;

	AccountAdministration(UserAccounts accounts, AccountSessions sessions, Outbox outbox, Clock clock) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	UserAccount changeRoles(UUID id, List<String> roles) {
		if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
			throw new InvalidRequestException("roles", "Give one or more of " + ROLES + ".");
		}
		find(id);
		this.accounts.updateRoles(id, roles.stream().distinct().sorted().toList());
		return find(id);
	}

	@Transactional
	UserAccount suspend(UUID id, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw new InvalidRequestException("reason", "Say why, in up to 500 characters.");
		}
		UserAccount account = find(id);
		if (account.suspended()) {
			return account;
		}
		this.accounts.updateStatus(id, UserAccount.Status.SUSPENDED, reason.trim());
		this.sessions.endAll(id);
		this.outbox.publish(new UserSuspended(id, reason.trim(), this.clock.instant()));
		return find(id);
	}

	@Transactional
	UserAccount reinstate(UUID id) {
		find(id);
		this.accounts.updateStatus(id, UserAccount.Status.ACTIVE, null);
		return find(id);
	}

	UserAccount find(UUID id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("No such account."));
	}

}
