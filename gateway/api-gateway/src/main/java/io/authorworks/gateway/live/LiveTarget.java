package io.authorworks.gateway.live;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Where and as whom a browser's live connection is relayed, settled at the handshake.
 *
 * @param uri the service instance's channel ({@code ws://host:port/<service>/live/...})
 * @param accessToken the token the gateway opens it with
 * @param sessionId the browser session behind it; {@code null} for a caller that sent its
 * own bearer token
 * @param signIn the sign-in ({@code sid}) the token belongs to, when it names one
 */
record LiveTarget(URI uri, String accessToken, @Nullable String sessionId, @Nullable String signIn) {

	static final String ATTRIBUTE = LiveTarget.class.getName();

	@Override
	public String toString() {
		return "LiveTarget[" + this.uri + "]";
	}

}
