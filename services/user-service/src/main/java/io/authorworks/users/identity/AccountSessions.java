package io.authorworks.users.identity;

import java.util.UUID;

import io.authorworks.users.account.PasswordChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends an account's sign-ins: every refresh-token family (and with it, at once, every
 * access token it issued, {@link RotatingRefreshTokens}) and every session of the sign-in
 * pages, so that no device keeps access and no browser is signed in again silently
 * without the password. Used by "sign out everywhere", password changes and resets, and
 * suspension.
 */
@Component
public class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	private final RotatingRefreshTokens authorizations;

	private final FindByIndexNameSessionRepository<? extends Session> pageSessions;

	AccountSessions(RotatingRefreshTokens authorizations,
			FindByIndexNameSessionRepository<? extends Session> pageSessions) {
		this.authorizations = authorizations;
		this.pageSessions = pageSessions;
	}

	/** Ends every sign-in of the account. */
	public void endAll(UUID accountId) {
		endAllExcept(accountId, null);
	}

	/**
	 * Ends every sign-in of the account but {@code keep} (an authorization id, the
	 * {@code sid} of the caller's access token), whose page sessions end too.
	 */
	public void endAllExcept(UUID accountId, @Nullable String keep) {
		int families = this.authorizations.revokeAllExcept(accountId.toString(), keep);
		var sessions = this.pageSessions.findByPrincipalName(accountId.toString()).keySet();
		sessions.forEach(this.pageSessions::deleteById);
		log.info("Ended {} sign-ins and {} sign-in page sessions of account {}", families, sessions.size(), accountId);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void passwordChanged(PasswordChanged changed) {
		endAllExcept(changed.accountId(), changed.keepSession());
	}

}
