package io.authorworks.users.passkey;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import io.authorworks.users.IdentityProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the relying party is to browsers. Passkeys are bound to the relying party id, so it
 * must be the host (or a parent domain of it) of the origin people see, which is the
 * gateway's, not this service's.
 *
 * @param rpId the relying party id; empty means the host of the public URL
 * @param rpName the name authenticators show beside a passkey
 * @param allowedOrigins comma-separated origins a ceremony may come from; empty means the
 * origin of the public URL
 */
@ConfigurationProperties("authorworks.identity.passkeys")
record PasskeyProperties(@Nullable String rpId, @Nullable String rpName, @Nullable String allowedOrigins) {

	/** The relying party as configured, or derived from the public URL. */
	RelyingParty resolve(IdentityProperties identity) {
		URI publicUrl = identity.publicUrl();
		String id = (this.rpId != null && !this.rpId.isBlank()) ? this.rpId.trim() : publicUrl.getHost();
		if (id == null || id.isBlank()) {
			throw new IllegalStateException("PASSKEY_RP_ID is not set and PUBLIC_URL has no host: " + publicUrl);
		}
		Set<String> origins = new LinkedHashSet<>(IdentityProperties.split(this.allowedOrigins));
		if (origins.isEmpty()) {
			origins.add(origin(publicUrl));
		}
		for (String origin : origins) {
			String host = URI.create(origin).getHost();
			if (host == null || !(host.equals(id) || host.endsWith("." + id))) {
				throw new IllegalStateException("Passkey origin " + origin + " is not on the relying party id " + id
						+ " (PASSKEY_RP_ID, PASSKEY_ORIGINS)");
			}
		}
		String name = (this.rpName != null && !this.rpName.isBlank()) ? this.rpName.trim() : "AuthorWorks";
		return new RelyingParty(id, name, Set.copyOf(origins));
	}

	private static String origin(URI url) {
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "");
	}

	/** The resolved relying party. */
	record RelyingParty(String id, String name, Set<String> origins) {
	}

}
