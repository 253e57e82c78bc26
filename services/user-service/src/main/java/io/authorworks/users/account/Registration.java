package io.authorworks.users.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.Violation;
import io.authorworks.platform.events.Outbox;
import io.authorworks.platform.web.security.Roles;
import io.authorworks.users.IdentityProperties;
import io.authorworks.contracts.users.UserRegistered;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Creating accounts and proving who owns them: sign-up, email verification and password
 * reset.
 */
@Service
public class Registration {

	static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	static final Pattern USERNAME = Pattern.compile("^[a-z0-9](?:[a-z0-9_-]{1,28}[a-z0-9])$");

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	static final java.util.Set<String> RESERVED = java.util.Set.of("admin", "root", "support", "authorworks", "api",
			"login", "signup", "me", "system", "help");

	private final UserAccounts accounts;

	private final AccountTokens tokens;

	private final PasswordEncoder passwords;

	private final Outbox outbox;

	private final IdentityProperties properties;

	private final ApplicationEventPublisher events;

	private final AccountMail mail;

	private final Clock clock;

	Registration(UserAccounts accounts, AccountTokens tokens, PasswordEncoder passwords, Outbox outbox,
			IdentityProperties properties, ApplicationEventPublisher events, AccountMail mail, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.outbox = outbox;
		this.properties = properties;
		this.events = events;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Creates an unverified account and mails a verification link. Fails with the reasons
	 * when the input is not acceptable, changing nothing.
	 */
	@Transactional
	public UserAccount signUp(SignUpForm form) {
		List<Violation> violations = validate(form);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		UUID id = Ids.newId();
		String email = form.email().trim();
		List<String> roles = new ArrayList<>(List.of(Roles.READER));
		if (form.wantsToWrite()) {
			roles.add(Roles.AUTHOR);
		}
		if (this.properties.isAdminEmail(email)) {
			roles.add(Roles.ADMIN);
		}
		this.accounts.insert(id, email, form.username().trim(), form.displayName().trim(), hash(form.password()), roles,
				null);
		UserAccount account = this.accounts.findById(id).orElseThrow();
		this.outbox.publish(new UserRegistered(id, account.username(), account.displayName(), account.roles(),
				account.createdAt()));
		String token = this.tokens.issue(id, AccountTokens.Purpose.VERIFY_EMAIL);
		this.events.publishEvent(new MailRequested(account.email(), account.displayName(), token, false));
		return account;
	}

	/**
	 * Creates an account for someone an external identity provider vouches for: the
	 * provider verified the email, so the account is verified from the start, and it has
	 * no password. The username is derived from the hint and made unique. Such a person
	 * never saw the sign-up form, so they get what its "I want to write" box gives when
	 * left as it starts: the author role.
	 */
	@Transactional
	public UserAccount registerFederated(String email, String usernameHint, String displayName) {
		UUID id = Ids.newId();
		List<String> roles = new ArrayList<>(List.of(Roles.READER, Roles.AUTHOR));
		if (this.properties.isAdminEmail(email)) {
			roles.add(Roles.ADMIN);
		}
		String name = displayName.isBlank() ? usernameHint : displayName.trim();
		this.accounts.insert(id, email.trim(), uniqueUsername(usernameHint),
				(name.length() > 80) ? name.substring(0, 80) : name, null, roles, this.clock.instant());
		UserAccount account = this.accounts.findById(id).orElseThrow();
		this.outbox.publish(new UserRegistered(id, account.username(), account.displayName(), account.roles(),
				account.createdAt()));
		return account;
	}

	/**
	 * Records that an identity provider vouched for an account's email, as a mailed link
	 * would have.
	 */
	@Transactional
	public void confirmEmail(UUID id) {
		this.accounts.markEmailVerified(id);
	}

	/**
	 * A free username that follows the rules, as close to the hint as possible: invalid
	 * characters become dashes, and a short random suffix is added when it is taken.
	 */
	String uniqueUsername(String hint) {
		String base = hint.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("@.*$", "")
			.replaceAll("[^a-z0-9_-]+", "-")
			.replaceAll("^[-_]+|[-_]+$", "");
		if (base.length() > 24) {
			base = base.substring(0, 24).replaceAll("[-_]+$", "");
		}
		if (base.length() < 3) {
			base = "writer" + base;
		}
		String candidate = base;
		while (!USERNAME.matcher(candidate).matches() || RESERVED.contains(candidate)
				|| this.accounts.usernameTaken(candidate)) {
			candidate = base + "-" + Integer.toString(RANDOM.nextInt(36 * 36 * 36 * 36), 36);
		}
		return candidate;
	}

	/** Marks the email verified when the token is good; answers the account. */
	@Transactional
	public Optional<UserAccount> verifyEmail(String token) {
		Optional<UUID> owner = this.tokens.consume(token, AccountTokens.Purpose.VERIFY_EMAIL);
		owner.ifPresent(this.accounts::markEmailVerified);
		return owner.flatMap(this.accounts::findById);
	}

	/**
	 * Sends another verification link to an unverified account. Says nothing about
	 * whether the address has an account, so it cannot be used to probe for members.
	 */
	@Transactional
	public void resendVerification(String email) {
		this.accounts.findByEmail(email).filter((account) -> !account.emailVerified()).ifPresent((account) -> {
			String token = this.tokens.issue(account.id(), AccountTokens.Purpose.VERIFY_EMAIL);
			this.events.publishEvent(new MailRequested(account.email(), account.displayName(), token, false));
		});
	}

	/** Mails a reset link when the address belongs to an account; silent otherwise. */
	@Transactional
	public void requestPasswordReset(String email) {
		this.accounts.findByEmail(email).filter((account) -> !account.suspended()).ifPresent((account) -> {
			String token = this.tokens.issue(account.id(), AccountTokens.Purpose.RESET_PASSWORD);
			this.events.publishEvent(new MailRequested(account.email(), account.displayName(), token, true));
		});
	}

	public boolean resetTokenUsable(String token) {
		return this.tokens.usable(token, AccountTokens.Purpose.RESET_PASSWORD);
	}

	/**
	 * Sets a new password with a reset token. The token proves the mailbox, so the email
	 * counts as verified too.
	 */
	@Transactional
	public boolean resetPassword(String token, String newPassword) {
		List<Violation> violations = new ArrayList<>();
		checkPassword(newPassword, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		Optional<UUID> owner = this.tokens.consume(token, AccountTokens.Purpose.RESET_PASSWORD);
		owner.ifPresent((id) -> {
			this.accounts.changePassword(id, hash(newPassword));
			this.accounts.markEmailVerified(id);
			this.events.publishEvent(new PasswordChanged(id, null));
		});
		return owner.isPresent();
	}

	/**
	 * Changes the password of a signed-in person who proves the current one. Their other
	 * sign-ins end; the one that made the change ({@code keepSession}) stays.
	 */
	@Transactional
	public void changePassword(UUID id, String currentPassword, String newPassword, @Nullable String keepSession) {
		UserAccount account = this.accounts.findById(id).orElseThrow(() -> new NotFoundException("No such account."));
		if (account.passwordHash() == null || currentPassword == null
				|| !this.passwords.matches(currentPassword, account.passwordHash())) {
			throw new InvalidRequestException(
					List.of(new Violation("currentPassword", "This is not your current password.")));
		}
		List<Violation> violations = new ArrayList<>();
		checkPassword(newPassword, violations);
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		this.accounts.changePassword(id, hash(newPassword));
		this.events.publishEvent(new PasswordChanged(id, keepSession));
	}

	@TransactionalEventListener
	void sendMailAfterCommit(MailRequested request) {
		if (request.reset()) {
			this.mail.sendPasswordReset(request.to(), request.displayName(), request.token());
		}
		else {
			this.mail.sendVerification(request.to(), request.displayName(), request.token());
		}
	}

	List<Violation> validate(SignUpForm form) {
		List<Violation> violations = new ArrayList<>();
		String email = (form.email() != null) ? form.email().trim() : "";
		String username = (form.username() != null) ? form.username().trim() : "";
		String displayName = (form.displayName() != null) ? form.displayName().trim() : "";
		if (!EMAIL.matcher(email).matches() || email.length() > 254) {
			violations.add(new Violation("email", "Enter a valid email address."));
		}
		else if (this.accounts.emailTaken(email)) {
			violations.add(new Violation("email", "An account with this email already exists. Sign in instead."));
		}
		if (!USERNAME.matcher(username).matches()) {
			violations.add(new Violation("username",
					"Use 3 to 30 lower-case letters, digits, '-' or '_', starting and ending with a letter or digit."));
		}
		else if (RESERVED.contains(username) || this.accounts.usernameTaken(username)) {
			violations.add(new Violation("username", "This username is taken."));
		}
		if (displayName.isEmpty() || displayName.length() > 80) {
			violations.add(new Violation("displayName", "Enter a display name of up to 80 characters."));
		}
		checkPassword(form.password(), violations);
		return violations;
	}

	static void checkPassword(String password, List<Violation> violations) {
		if (password == null || password.length() < 10) {
			violations.add(new Violation("password", "Use at least 10 characters."));
		}
		else if (password.length() > 128) {
			violations.add(new Violation("password", "Use at most 128 characters."));
		}
		else if (password.chars().distinct().count() < 5) {
			violations.add(new Violation("password", "Use a less repetitive password."));
		}
	}

	/** The stored hash of a password; encoders answer null only for a null password. */
	private String hash(String password) {
		return Objects.requireNonNull(this.passwords.encode(password));
	}

	/**
	 * Gives the account the author role, so it may start books and run AI generation.
	 * Anyone may choose to write; doing it twice changes nothing. Tokens carry the role
	 * from their next refresh.
	 */
	@Transactional
	public UserAccount becomeAuthor(UUID id) {
		this.accounts.addRole(id, Roles.AUTHOR);
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException("Your account no longer exists."));
	}

	/**
	 * What a person fills in to sign up.
	 *
	 * @param email their email address
	 * @param username their unique name
	 * @param displayName how others see them
	 * @param password their password
	 * @param writer the "I want to write" box: {@code true} when ticked (it starts
	 * ticked); a browser sends nothing for a box left unticked
	 */
	public record SignUpForm(String email, String username, String displayName, String password,
			@Nullable Boolean writer) {

		/** Whether the account should get the author role. */
		boolean wantsToWrite() {
			return Boolean.TRUE.equals(this.writer);
		}

	}

	/** A mail to send once the transaction that needs it has committed. */
	record MailRequested(String to, String displayName, String token, boolean reset) {
	}

}
