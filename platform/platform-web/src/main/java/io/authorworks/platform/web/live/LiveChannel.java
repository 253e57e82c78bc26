package io.authorworks.platform.web.live;

import io.authorworks.platform.web.security.Caller;

import org.springframework.security.core.Authentication;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;

/**
 * A WebSocket channel a service offers, declared as a bean. Its path follows the
 * gateway's route family for channels, {@code /<service>/live/<name>} (the browser opens
 * {@code /api/<service>/live/<name>}). The upgrade request passes the service's security
 * chain like any endpoint, so only callers with a valid bearer token reach the handler,
 * and {@link #caller(WebSocketSession)} says who they are.
 *
 * @param path where the channel listens
 * @param handler what it does with the connections
 */
public record LiveChannel(String path, WebSocketHandler handler) {

	/** Who opened the connection, from the token checked at the upgrade. */
	public static Caller caller(WebSocketSession session) {
		return Caller.from((session.getPrincipal() instanceof Authentication authentication) ? authentication : null);
	}

}
