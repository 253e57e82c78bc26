package io.authorworks.users.identity;

import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.authorworks.users.IdentityProperties;

/**
 * The Content-Security-Policy of the sign-in pages. The pages run only scripts of their
 * own (the passkey ceremonies, from {@code /auth-assets}, never inline) and use one
 * stylesheet of their own, so nothing else may load; nobody may frame them. Their forms
 * post here, but a browser also holds the redirects after a post to {@code form-action}:
 * signing in continues to the app (the public origin) and to the registered clients'
 * redirect URIs, so those origins are allowed too. A loopback redirect URI may use any
 * port (RFC 8252 §7.3), and so may its form target.
 */
final class SignInPagesPolicy {

	private SignInPagesPolicy() {
	}

	static String of(IdentityProperties identity) {
		Set<String> formTargets = new LinkedHashSet<>();
		formTargets.add("'self'");
		Stream
			.of(Stream.of(identity.publicUrl().toString()),
					IdentityProperties.split(identity.gatewayRedirectUris()).stream(),
					IdentityProperties.split(identity.cliRedirectUris()).stream(),
					IdentityProperties.split(identity.postLogoutRedirectUris()).stream())
			.flatMap((uris) -> uris)
			.map(SignInPagesPolicy::formTarget)
			.forEach(formTargets::add);
		return String.join("; ",
				List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
						"object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
						"form-action " + String.join(" ", formTargets)));
	}

	private static String formTarget(String uri) {
		URI parsed = URI.create(uri);
		if (parsed.getScheme() == null || parsed.getHost() == null) {
			throw new IllegalStateException("Not an absolute URL: " + uri);
		}
		String origin = parsed.getScheme() + "://" + parsed.getHost();
		if (loopbackAddress(parsed.getHost())) {
			return origin + ":*";
		}
		return (parsed.getPort() != -1) ? origin + ":" + parsed.getPort() : origin;
	}

	/** An IP literal on loopback, where RFC 8252 lets a native client pick the port. */
	private static boolean loopbackAddress(String host) {
		String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (!literal.contains(":") && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			return false;
		}
		try {
			return InetAddress.ofLiteral(literal).isLoopbackAddress();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
