package io.authorworks.users.passkey;

import io.authorworks.users.IdentityProperties;
import io.authorworks.users.account.UserAccounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The beans Spring Security's WebAuthn configurer looks up: passkeys and their user
 * entities in PostgreSQL, the relying party, and where a registration waits for its
 * answer.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcTemplate jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcTemplate jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}

	@Bean
	WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities,
			UserCredentialRepository credentials, PasskeyProperties passkeys, IdentityProperties identity,
			UserAccounts accounts) {
		return new PasskeyRelyingParty(userEntities, credentials, passkeys.resolve(identity), accounts);
	}

	@Bean
	PublicKeyCredentialCreationOptionsRepository passkeyCreationOptions() {
		return new SessionCreationOptions();
	}

}
