package io.authorworks.users.twofactor;

import java.util.Base64;

import io.authorworks.users.IdentityProperties;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets at rest the way {@code SigningKeys} encrypts private keys:
 * AES-GCM with a key derived from {@code SIGNING_KEY_PASSWORD} and a salt of its own per
 * secret, so a copy of the table alone gives nobody a working authenticator.
 */
@Component
class TotpSecrets {

	private final String password;

	TotpSecrets(IdentityProperties properties) {
		this.password = properties.signingKeyPassword();
	}

	Sealed seal(byte[] secret) {
		String salt = KeyGenerators.string().generateKey();
		byte[] encrypted = Encryptors.stronger(this.password, salt).encrypt(secret);
		return new Sealed(Base64.getEncoder().encodeToString(encrypted), salt);
	}

	byte[] open(String ciphertext, String salt) {
		return Encryptors.stronger(this.password, salt).decrypt(Base64.getDecoder().decode(ciphertext));
	}

	/** An encrypted secret and the salt its key was derived with. */
	record Sealed(String ciphertext, String salt) {
	}

}
