package io.authorworks.users.passkey;

import java.util.UUID;

import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Spring Security's webauthn4j relying party with two changes. User verification (the
 * authenticator's PIN or biometric) is required, not just preferred, in both ceremonies:
 * that is what lets a passkey stand for both sign-in factors. And the person's email and
 * name are what the authenticator shows for a new passkey, not the account id the stored
 * user entity is named by.
 */
final class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

	/** The longest name a passkey may have. */
	static final int MAX_LABEL = 60;

	private final Webauthn4JRelyingPartyOperations delegate;

	private final UserAccounts accounts;

	PasskeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
			PasskeyProperties.RelyingParty relyingParty, UserAccounts accounts) {
		this.accounts = accounts;
		this.delegate = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
				PublicKeyCredentialRpEntity.builder().id(relyingParty.id()).name(relyingParty.name()).build(),
				relyingParty.origins());
		this.delegate.setCustomizeCreationOptions(
				(options) -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
					.userVerification(UserVerificationRequirement.REQUIRED)
					.residentKey(ResidentKeyRequirement.REQUIRED)
					.build()));
		this.delegate
			.setCustomizeRequestOptions((options) -> options.userVerification(UserVerificationRequirement.REQUIRED));
	}

	@Override
	public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
			PublicKeyCredentialCreationOptionsRequest request) {
		PublicKeyCredentialCreationOptions options = this.delegate.createPublicKeyCredentialCreationOptions(request);
		UUID accountId = Ids.parseOrNull(request.getAuthentication().getName());
		UserAccount account = (accountId != null) ? this.accounts.findById(accountId).orElse(null) : null;
		if (account == null) {
			return options;
		}
		PublicKeyCredentialUserEntity shown = ImmutablePublicKeyCredentialUserEntity.builder()
			.id(options.getUser().getId())
			.name(account.email())
			.displayName(account.displayName())
			.build();
		PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder copy = PublicKeyCredentialCreationOptions
			.builder()
			.rp(options.getRp())
			.user(shown)
			.challenge(options.getChallenge())
			.pubKeyCredParams(options.getPubKeyCredParams())
			.excludeCredentials(options.getExcludeCredentials())
			.authenticatorSelection(options.getAuthenticatorSelection());
		if (options.getTimeout() != null) {
			copy.timeout(options.getTimeout());
		}
		if (options.getAttestation() != null) {
			copy.attestation(options.getAttestation());
		}
		if (options.getExtensions() != null) {
			copy.extensions(options.getExtensions());
		}
		return copy.build();
	}

	/** Checks the label people give the passkey, then verifies and stores it. */
	@Override
	public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
		RelyingPartyPublicKey publicKey = request.getPublicKey();
		String label = (publicKey.getLabel() != null) ? publicKey.getLabel().strip() : "";
		if (label.isEmpty() || label.length() > MAX_LABEL) {
			throw new InvalidRequestException("label", "Name the passkey, for example after the device it is on, in "
					+ "at most " + MAX_LABEL + " characters.");
		}
		return this.delegate.registerCredential(new ImmutableRelyingPartyRegistrationRequest(
				request.getCreationOptions(), new RelyingPartyPublicKey(publicKey.getCredential(), label)));
	}

	@Override
	public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
			PublicKeyCredentialRequestOptionsRequest request) {
		return this.delegate.createCredentialRequestOptions(request);
	}

	@Override
	public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
		return this.delegate.authenticate(request);
	}

}
