package io.authorworks.users.passkey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.core.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/**
 * A person's passkeys: listing and removing them. Registering goes through Spring
 * Security's registration endpoint. Someone else's passkey is as absent as one that never
 * existed.
 */
@Service
class Passkeys {

	/** The page where people manage their passkeys. */
	static final String PAGE = "/account/passkeys";

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final UserCredentialRepository credentials;

	Passkeys(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials) {
		this.userEntities = userEntities;
		this.credentials = credentials;
	}

	/** The account's passkeys, oldest first. */
	List<Passkey> list(UUID accountId) {
		PublicKeyCredentialUserEntity user = this.userEntities.findByUsername(accountId.toString());
		if (user == null) {
			return List.of();
		}
		return this.credentials.findByUserId(user.getId())
			.stream()
			.map(Passkey::of)
			.sorted(Comparator.comparing(Passkey::createdAt))
			.toList();
	}

	/** Removes one of the account's passkeys; any other id is not found. */
	void remove(UUID accountId, String passkeyId) {
		PublicKeyCredentialUserEntity user = this.userEntities.findByUsername(accountId.toString());
		CredentialRecord credential = (user != null) ? find(passkeyId) : null;
		if (user == null || credential == null || !user.getId().equals(credential.getUserEntityUserId())) {
			throw new NotFoundException("You have no passkey with this id.");
		}
		this.credentials.delete(credential.getCredentialId());
	}

	private @Nullable CredentialRecord find(String passkeyId) {
		try {
			return this.credentials.findByCredentialId(Bytes.fromBase64(passkeyId));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A passkey as its owner sees it.
	 *
	 * @param id the credential id, base64url-encoded
	 * @param label the name its owner gave it
	 * @param createdAt when it was registered
	 * @param lastUsedAt when it last signed someone in; absent if it never has
	 */
	record Passkey(String id, String label, Instant createdAt, @Nullable Instant lastUsedAt) {

		static Passkey of(CredentialRecord credential) {
			Instant created = credential.getCreated();
			Instant lastUsed = credential.getLastUsed();
			// Spring Security records a new passkey as last used when it was created.
			return new Passkey(credential.getCredentialId().toBase64UrlString(), credential.getLabel(), created,
					(lastUsed != null && lastUsed.isAfter(created)) ? lastUsed : null);
		}

	}

}
