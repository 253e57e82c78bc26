package io.authorworks.users.account;

import java.time.Clock;
import java.util.UUID;

import io.authorworks.platform.core.Ids;
import io.authorworks.users.IdentityProperties;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Signing in with a password: finds the account by email or username, and counts failures
 * so an account is locked for a while after too many in a row. The principal's name is
 * the account id, which becomes the {@code sub} of every token.
 */
@Component
public class AccountSignIn implements UserDetailsService {

	/**
	 * The authority the second sign-in step grants, beside Spring Security's
	 * {@code FACTOR_PASSWORD}: a time-based code or a recovery code.
	 */
	public static final String SECOND_FACTOR = "FACTOR_TOTP";

	/**
	 * A hash that no password matches, for accounts that only sign in through federation.
	 */
	private static final String NO_PASSWORD = "{noop}" + UUID.randomUUID();

	private final UserAccounts accounts;

	private final IdentityProperties properties;

	private final Clock clock;

	AccountSignIn(UserAccounts accounts, IdentityProperties properties, Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String login) {
		UUID id = Ids.parseOrNull(login);
		UserAccount account = ((id != null) ? this.accounts.findById(id) : this.accounts.findByLogin(login))
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return User.withUsername(account.id().toString())
			.password((account.passwordHash() != null) ? account.passwordHash() : NO_PASSWORD)
			.accountLocked(account.lockedAt(this.clock.instant()))
			.disabled(account.suspended() || !account.emailVerified())
			.authorities(account.roles()
				.stream()
				.map((role) -> "ROLE_" + role.toUpperCase(java.util.Locale.ROOT))
				.toArray(String[]::new))
			.build();
	}

	/**
	 * Checked before the password: a locked account is refused without looking at the
	 * password, so guessing during a lock teaches nothing.
	 */
	public static UserDetailsChecker beforePassword() {
		return (user) -> {
			if (!user.isAccountNonLocked()) {
				throw new LockedException("locked");
			}
		};
	}

	/**
	 * Checked after the password, so the state of an account is only revealed to someone
	 * who knows its password.
	 */
	public UserDetailsChecker afterPassword() {
		return (user) -> {
			if (!user.isEnabled()) {
				UserAccount account = this.accounts.findById(UUID.fromString(user.getUsername())).orElseThrow();
				throw new DisabledException(account.suspended() ? "suspended" : "unverified");
			}
		};
	}

	/**
	 * Counts a wrong password or a wrong second-factor code. Password attempts name the
	 * account by login; second-factor attempts by id.
	 */
	@EventListener
	void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		Object principal = event.getAuthentication().getPrincipal();
		if (principal instanceof String login && !login.isBlank()) {
			UUID id = Ids.parseOrNull(login);
			((id != null) ? this.accounts.findById(id) : this.accounts.findByLogin(login))
				.ifPresent((account) -> this.accounts.recordFailedSignIn(account.id(),
						this.properties.maxFailedSignIns(), this.properties.lockout()));
		}
	}

	/**
	 * Clears the failure count once someone is fully signed in. A right password alone
	 * does not clear it for an account with two-factor sign-in, or the password would buy
	 * unlimited guesses at the code; a passkey is a full sign-in on its own.
	 */
	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		UUID id = Ids.parseOrNull(event.getAuthentication().getName());
		if (id == null) {
			return;
		}
		boolean secondFactorGiven = event.getAuthentication()
			.getAuthorities()
			.stream()
			.anyMatch((authority) -> SECOND_FACTOR.equals(authority.getAuthority())
					|| FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(authority.getAuthority()));
		if (secondFactorGiven || !this.accounts.findById(id).map(UserAccount::twoFactorEnabled).orElse(false)) {
			this.accounts.recordSuccessfulSignIn(id);
		}
	}

}
