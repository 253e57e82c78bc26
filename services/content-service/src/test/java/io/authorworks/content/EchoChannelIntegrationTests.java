package io.authorworks.content;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.authorworks.platform.test.LiveSocket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The echo channel as the gateway meets it: the upgrade needs a bearer token like any
 * endpoint, and the echo names the user of that token.
 */
class EchoChannelIntegrationTests extends ContentIntegrationTest {

	@Test
	void echoesWithTheUserOfTheTokenItWasOpenedWith() throws Exception {
		UUID userId = UUID.randomUUID();
		LiveSocket live = LiveSocket.open(HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Authorization", "Bearer " + issuer.userToken(userId, "ivy", List.of("reader"))), echo());
		WebSocket socket = live.socket();

		socket.sendText("hello", true).get(5, TimeUnit.SECONDS);

		assertThat(live.next()).contains("\"userId\":\"" + userId + "\"").contains("\"message\":\"hello\"");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
	}

	@Test
	void withoutATokenTheUpgradeIsRefused() {
		CompletableFuture<WebSocket> opening = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(echo(), new LiveSocket());

		assertThatThrownBy(() -> opening.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(refused) -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
	}

	private URI echo() {
		return URI.create("ws://127.0.0.1:" + this.port + "/content/live/echo");
	}

}
