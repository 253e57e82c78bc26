package io.authorworks.users.identity;

import java.util.List;
import java.util.UUID;

import io.authorworks.users.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Registers the platform's own OAuth2 clients from the environment at start-up: the
 * gateway (a confidential client for the browser), the public PKCE client for the CLI and
 * scripts, and one client-credentials client per service.
 */
@Component
class ClientRegistrations implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ClientRegistrations.class);

	static final String WEB_CLIENT = "authorworks-web";

	static final String CLI_CLIENT = "authorworks-cli";

	private final RegisteredClientRepository clients;

	private final IdentityProperties properties;

	private final PasswordEncoder passwords;

	ClientRegistrations(RegisteredClientRepository clients, IdentityProperties properties, PasswordEncoder passwords) {
		this.clients = clients;
		this.properties = properties;
		this.passwords = passwords;
	}

	@Override
	public void run(ApplicationArguments args) {
		TokenSettings userTokens = TokenSettings.builder()
			.accessTokenTimeToLive(this.properties.accessTokenTtl())
			.refreshTokenTimeToLive(this.properties.refreshTokenTtl())
			.reuseRefreshTokens(false)
			.build();
		String webSecret = this.properties.gatewayClientSecret();
		if (webSecret != null && !webSecret.isBlank()) {
			save(RegisteredClient.withId(idOf(WEB_CLIENT))
				.clientId(WEB_CLIENT)
				.clientName("AuthorWorks web app (gateway)")
				.clientSecret(this.passwords.encode(webSecret))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUris((uris) -> uris.addAll(IdentityProperties.split(this.properties.gatewayRedirectUris())))
				.postLogoutRedirectUris(
						(uris) -> uris.addAll(IdentityProperties.split(this.properties.postLogoutRedirectUris())))
				.scopes((scopes) -> scopes.addAll(List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)))
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.tokenSettings(userTokens)
				.build());
		}
		else {
			log.warn("GATEWAY_CLIENT_SECRET is not set: the web app cannot sign people in");
		}
		save(RegisteredClient.withId(idOf(CLI_CLIENT))
			.clientId(CLI_CLIENT)
			.clientName("AuthorWorks CLI and scripts")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(IdentityProperties.split(this.properties.cliRedirectUris())))
			.postLogoutRedirectUris(
					(uris) -> uris.addAll(IdentityProperties.split(this.properties.postLogoutRedirectUris())))
			.scopes((scopes) -> scopes.addAll(List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)))
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(userTokens)
			.build());
		for (IdentityProperties.ServiceClient service : this.properties.parsedServiceClients()) {
			save(RegisteredClient.withId(idOf(service.id()))
				.clientId(service.id())
				.clientName(service.id())
				.clientSecret(this.passwords.encode(service.secret()))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scopes((scopes) -> scopes.addAll(service.scopes()))
				.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(this.properties.accessTokenTtl()).build())
				.build());
		}
	}

	private void save(RegisteredClient client) {
		try {
			this.clients.save(client);
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			// Another replica inserted it at the same moment; now it exists, so this
			// updates it.
			this.clients.save(client);
		}
	}

	/** Stable ids, so a restart updates the same row instead of adding one. */
	private static String idOf(String clientId) {
		return UUID
			.nameUUIDFromBytes(("authorworks-client:" + clientId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
	}

}
