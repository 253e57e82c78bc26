package io.authorworks.platform.test;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket as a test sees it, opened with the JDK client: the text messages that came
 * (whole, however they were split into frames) and how the connection closed, as
 * {@code "<code> <reason>"} or {@code "error <exception>"}.
 */
public final class LiveSocket implements WebSocket.Listener {

	private @Nullable WebSocket socket;

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<String> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	/**
	 * Opens {@code uri} with the builder's headers, failing when it is not open in 10 s.
	 */
	public static LiveSocket open(WebSocket.Builder builder, URI uri)
			throws InterruptedException, ExecutionException, TimeoutException {
		LiveSocket live = new LiveSocket();
		live.socket = builder.buildAsync(uri, live).get(10, TimeUnit.SECONDS);
		return live;
	}

	public WebSocket socket() {
		return Objects.requireNonNull(this.socket, "not open");
	}

	/** The next whole text message, failing when none comes within 5 s. */
	public String next() throws InterruptedException {
		String message = this.messages.poll(5, TimeUnit.SECONDS);
		assertThat(message).as("a message within 5 s").isNotNull();
		return Objects.requireNonNull(message);
	}

	/** Completes with {@code "<code> <reason>"} when the peer closes. */
	public CompletableFuture<String> closed() {
		return this.closed;
	}

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

	@Override
	public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode + " " + reason);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete("error " + error);
	}

}
