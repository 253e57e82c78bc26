package io.authorworks.users.federation;

import java.util.Optional;
import java.util.UUID;

import io.authorworks.users.account.Registration;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which local account an externally authenticated person signs in as. A known
 * provider identity signs in as its account; otherwise a verified email links to the
 * account that has it, or creates a new verified account when no account has it. An
 * unverified email never links: whoever controls the provider account may not own the
 * address.
 */
@Service
class FederatedAccounts {

	/** The provider did not verify an email that an account already uses. */
	static final String UNVERIFIED = "federation-unverified";

	/** The provider shared no verified email, so no account can be made. */
	static final String NO_EMAIL = "federation-email";

	static final String SUSPENDED = "suspended";

	private final FederatedIdentities identities;

	private final UserAccounts accounts;

	private final Registration registration;

	FederatedAccounts(FederatedIdentities identities, UserAccounts accounts, Registration registration) {
		this.identities = identities;
		this.accounts = accounts;
		this.registration = registration;
	}

	/** The local account for this person, linking or creating it when needed. */
	@Transactional
	UUID resolve(ExternalPerson person) {
		Optional<UserAccount> linked = this.identities.find(person.provider(), person.subject())
			.flatMap(this.accounts::findById);
		if (linked.isPresent()) {
			return usable(linked.get()).id();
		}
		String email = person.email();
		Optional<UserAccount> sameEmail = (email != null) ? this.accounts.findByEmail(email) : Optional.empty();
		if (sameEmail.isPresent()) {
			if (!person.emailVerified()) {
				throw refused(UNVERIFIED, "The provider has not verified this email, which an account already uses");
			}
			UserAccount account = usable(sameEmail.get());
			this.registration.confirmEmail(account.id());
			this.identities.link(person.provider(), person.subject(), account.id());
			return account.id();
		}
		if (email == null || !person.emailVerified()) {
			throw refused(NO_EMAIL, "The provider shared no verified email");
		}
		String usernameHint = (person.preferredUsername() != null && !person.preferredUsername().isBlank())
				? person.preferredUsername() : email;
		String displayName = (person.name() != null && !person.name().isBlank()) ? person.name()
				: usernameHint.replaceAll("@.*$", "");
		UserAccount created = this.registration.registerFederated(email, usernameHint, displayName);
		this.identities.link(person.provider(), person.subject(), created.id());
		return created.id();
	}

	private static UserAccount usable(UserAccount account) {
		if (account.suspended()) {
			throw refused(SUSPENDED, "The account is suspended");
		}
		return account;
	}

	private static OAuth2AuthenticationException refused(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
	}

	/**
	 * What an external provider asserted about a person.
	 *
	 * @param provider the registration id, e.g. {@code logto}
	 * @param subject the provider's stable id for the person ({@code sub})
	 * @param email the email the provider gave, if any
	 * @param emailVerified whether the provider says it verified that email
	 * @param preferredUsername the provider's username, if any
	 * @param name the person's display name, if any
	 */
	record ExternalPerson(String provider, String subject, @Nullable String email, boolean emailVerified,
			@Nullable String preferredUsername, @Nullable String name) {

		ExternalPerson {
			email = (email != null && !email.isBlank()) ? email.trim() : null;
		}

	}

}
