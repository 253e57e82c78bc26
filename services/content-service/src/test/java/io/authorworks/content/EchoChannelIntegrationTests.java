package io.authorworks.content;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
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
		Echoes echoes = new Echoes();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Authorization", "Bearer " + issuer.userToken(userId, "ivy", List.of("reader")))
			.buildAsync(echo(), echoes)
			.get(10, TimeUnit.SECONDS);

		socket.sendText("hello", true).get(5, TimeUnit.SECONDS);

		assertThat(echoes.messages.poll(5, TimeUnit.SECONDS)).contains("\"userId\":\"" + userId + "\"")
			.contains("\"message\":\"hello\"");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
	}

	@Test
	void withoutATokenTheUpgradeIsRefused() {
		CompletableFuture<WebSocket> opening = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(echo(), new Echoes());

		assertThatThrownBy(() -> opening.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(refused) -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
	}

	private URI echo() {
		return URI.create("ws://127.0.0.1:" + this.port + "/content/live/echo");
	}

	static final class Echoes implements WebSocket.Listener {

		final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

		private final StringBuilder partial = new StringBuilder();

		@Override
		public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.messages.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
