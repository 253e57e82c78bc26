package io.authorworks.platform.web.security;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This deployable's own client-credentials identity for calling other services.
 *
 * @param clientId the registered client id, e.g. {@code content-service}
 * @param clientSecret its secret, only ever from the environment
 * @param tokenUri the authorization server's token endpoint
 * @param scopes scopes to request, space separated; empty asks for all the client may
 * have
 */
@ConfigurationProperties("authorworks.service-client")
public record ServiceClientProperties(@Nullable String clientId, @Nullable String clientSecret, @Nullable URI tokenUri,
		@Nullable String scopes) {

	boolean configured() {
		return this.clientId != null && !this.clientId.isBlank() && this.clientSecret != null
				&& !this.clientSecret.isBlank() && this.tokenUri != null;
	}

}
