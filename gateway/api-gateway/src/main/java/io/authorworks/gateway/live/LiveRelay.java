package io.authorworks.gateway.live;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * Relays a browser's live connection to the service's channel, message by message. The
 * service's side is opened when the browser's is, with the access token settled at the
 * handshake ({@link LiveHandshake}); when either side closes, the other is closed with
 * the same code. Sends to either side go through Spring's concurrent decorator: a peer
 * that does not keep up for {@code sendTimeLimit} or {@code sendBufferLimit} has its
 * connection closed rather than growing the gateway's memory.
 */
final class LiveRelay implements WebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);

	private static final String SERVICE_SIDE = LiveRelay.class.getName() + ".service";

	private static final String BROWSER_SIDE = LiveRelay.class.getName() + ".browser";

	/** The service could not be reached, or refused the relayed connection. */
	static final CloseStatus SERVICE_UNAVAILABLE = new CloseStatus(1013, "The service is not available");

	private final WebSocketClient client;

	private final LiveConnections connections;

	private final Duration connectTimeout;

	private final int sendTimeLimit;

	private final int sendBufferLimit;

	LiveRelay(WebSocketClient client, LiveConnections connections, Duration connectTimeout, Duration sendTimeLimit,
			DataSize sendBufferLimit) {
		this.client = client;
		this.connections = connections;
		this.connectTimeout = connectTimeout;
		this.sendTimeLimit = Math.toIntExact(sendTimeLimit.toMillis());
		this.sendBufferLimit = Math.toIntExact(sendBufferLimit.toBytes());
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession browser) throws Exception {
		LiveTarget target = (LiveTarget) browser.getAttributes().get(LiveTarget.ATTRIBUTE);
		WebSocketSession toBrowser = decorate(browser);
		browser.getAttributes().put(BROWSER_SIDE, toBrowser);
		if (target == null) {
			// Only a handshake without LiveHandshake could get here.
			toBrowser.close(CloseStatus.SERVER_ERROR);
			return;
		}
		if (!this.connections.open(toBrowser, target)) {
			toBrowser.close(LiveConnections.TOO_MANY);
			return;
		}
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.setBearerAuth(target.accessToken());
		WebSocketSession service;
		try {
			service = this.client.execute(new ServiceSide(toBrowser), headers, target.uri())
				.get(this.connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			log.info("Could not open the live channel {}: {}", target.uri().getPath(),
					(ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage());
			toBrowser.close(SERVICE_UNAVAILABLE);
			return;
		}
		WebSocketSession toService = decorate(service);
		browser.getAttributes().put(SERVICE_SIDE, toService);
		// The browser may have gone while the service's side was being opened.
		if (!browser.isOpen()) {
			toService.close(CloseStatus.GOING_AWAY);
		}
	}

	@Override
	public void handleMessage(WebSocketSession browser, WebSocketMessage<?> message) throws Exception {
		if (browser.getAttributes().get(SERVICE_SIDE) instanceof WebSocketSession toService
				&& (message instanceof TextMessage || message instanceof BinaryMessage)) {
			toService.sendMessage(message);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession browser, Throwable exception) {
		log.debug("Live connection to the browser failed: {}", exception.getMessage());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession browser, CloseStatus status) {
		if (browser.getAttributes().get(BROWSER_SIDE) instanceof WebSocketSession toBrowser) {
			this.connections.closed(toBrowser);
		}
		if (browser.getAttributes().get(SERVICE_SIDE) instanceof WebSocketSession toService) {
			closeQuietly(toService, status);
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return false;
	}

	private WebSocketSession decorate(WebSocketSession session) {
		return new ConcurrentWebSocketSessionDecorator(session, this.sendTimeLimit, this.sendBufferLimit);
	}

	/**
	 * The code to pass on to the other side: codes that only describe what a peer saw (no
	 * code, no close frame, TLS failure) may not be sent in a close frame.
	 */
	static CloseStatus relayable(CloseStatus status) {
		return switch (status.getCode()) {
			case 1005 -> CloseStatus.NORMAL;
			case 1006 -> CloseStatus.GOING_AWAY;
			case 1015 -> CloseStatus.SERVER_ERROR;
			default -> status;
		};
	}

	private static void closeQuietly(WebSocketSession session, CloseStatus status) {
		if (session.isOpen()) {
			try {
				session.close(relayable(status));
			}
			catch (IOException ex) {
				log.debug("Closing the other side of a live connection failed: {}", ex.getMessage());
			}
		}
	}

	/** The service's side: what it sends goes to the browser, and so does its close. */
	private static final class ServiceSide implements WebSocketHandler {

		private final WebSocketSession toBrowser;

		ServiceSide(WebSocketSession toBrowser) {
			this.toBrowser = toBrowser;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession service) {
		}

		@Override
		public void handleMessage(WebSocketSession service, WebSocketMessage<?> message) throws Exception {
			if (message instanceof TextMessage || message instanceof BinaryMessage) {
				this.toBrowser.sendMessage(message);
			}
		}

		@Override
		public void handleTransportError(WebSocketSession service, Throwable exception) {
			log.debug("Live connection to the service failed: {}", exception.getMessage());
		}

		@Override
		public void afterConnectionClosed(WebSocketSession service, CloseStatus status) {
			closeQuietly(this.toBrowser, status);
		}

		@Override
		public boolean supportsPartialMessages() {
			return false;
		}

	}

}
