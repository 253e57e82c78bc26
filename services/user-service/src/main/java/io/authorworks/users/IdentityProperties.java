package io.authorworks.users;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of accounts and the authorization server, all from the environment.
 *
 * @param publicUrl the origin people see (the gateway), used in mailed links
 * @param mailFrom the sender of account mail
 * @param signingKeyPassword encrypts the persisted signing keys; required
 * @param gatewayClientSecret the secret of the {@code authorworks-web} client; empty
 * disables it
 * @param gatewayRedirectUris comma-separated redirect URIs of that client
 * @param postLogoutRedirectUris comma-separated URIs allowed after RP-initiated logout
 * @param cliRedirectUris comma-separated redirect URIs of the public PKCE client
 * {@code authorworks-cli}
 * @param serviceClients client-credentials clients as {@code id:secret:scope scope,…}
 * @param adminEmails comma-separated emails that get the admin role when they sign up
 * @param accessTokenTtl access-token lifetime (at most 15 minutes)
 * @param refreshTokenTtl refresh-token lifetime
 * @param refreshTokenReuseInterval how long after a rotation the token it replaced is
 * refused without revoking its family (a client's parallel or retried refresh, not
 * theft); a replay after it revokes the family
 * @param afterVerificationUrl where "sign in" points after an email is verified
 * @param maxFailedSignIns failures in a row before an account is locked for a while
 * @param lockout how long such a lock lasts
 */
@ConfigurationProperties("authorworks.identity")
public record IdentityProperties(URI publicUrl, String mailFrom, String signingKeyPassword,
		@Nullable String gatewayClientSecret, String gatewayRedirectUris, String postLogoutRedirectUris,
		String cliRedirectUris, @Nullable String serviceClients, @Nullable String adminEmails, Duration accessTokenTtl,
		Duration refreshTokenTtl, Duration refreshTokenReuseInterval, String afterVerificationUrl, int maxFailedSignIns,
		Duration lockout) {

	public IdentityProperties {
		// Binding passes null when the variable is unset; refuse it here so the component
		// is never null afterwards.
		if (signingKeyPassword == null || signingKeyPassword.length() < 16) {
			throw new IllegalStateException(
					"SIGNING_KEY_PASSWORD must be set (16+ characters): it encrypts the token-signing keys at rest");
		}
		if (accessTokenTtl.compareTo(Duration.ofMinutes(15)) > 0) {
			throw new IllegalStateException("Access tokens must not live longer than 15 minutes");
		}
		if (refreshTokenReuseInterval.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalStateException("The refresh-token reuse interval must not be longer than a minute");
		}
	}

	public static List<String> split(@Nullable String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	/** The configured service clients. */
	public List<ServiceClient> parsedServiceClients() {
		List<ServiceClient> clients = new ArrayList<>();
		for (String entry : split(this.serviceClients)) {
			String[] parts = entry.split(":", 3);
			if (parts.length < 2 || parts[0].isBlank() || parts[1].length() < 16) {
				throw new IllegalStateException(
						"SERVICE_CLIENTS entries are id:secret:scopes with a secret of 16+ characters; got one for '"
								+ parts[0] + "'");
			}
			Set<String> scopes = (parts.length == 3) ? Set.of(parts[2].trim().split("\\s+")) : Set.of();
			clients.add(new ServiceClient(parts[0], parts[1], scopes));
		}
		return clients;
	}

	public boolean isAdminEmail(String email) {
		return split(this.adminEmails).stream().anyMatch((admin) -> admin.equalsIgnoreCase(email));
	}

	/** A client that authenticates with its own credentials to call other services. */
	public record ServiceClient(String id, String secret, Set<String> scopes) {
	}

}
