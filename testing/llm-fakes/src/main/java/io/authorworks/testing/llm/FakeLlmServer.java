package io.authorworks.testing.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server on a random loopback port that answers like an LLM provider, from a
 * script of {@link Reply replies} (then a default reply), records every request, and
 * notices when a client hangs up in the middle of a stream.
 */
public abstract sealed class FakeLlmServer implements AutoCloseable permits FakeAnthropicServer, FakeOpenAiServer {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Deque<Reply> script = new ConcurrentLinkedDeque<>();

	private final AtomicReference<Function<RecordedRequest, Reply>> defaultReply = new AtomicReference<>(
			(request) -> Reply.text("This is a fake reply."));

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger completedStreams = new AtomicInteger();

	private final Semaphore disconnects = new Semaphore(0);

	private final AtomicInteger disconnectCount = new AtomicInteger();

	private final Tokenizer tokenizer;

	FakeLlmServer(String path, Tokenizer tokenizer) {
		this.tokenizer = tokenizer;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext(path, this::handle);
		this.server.start();
	}

	/** The base URL a client is configured with. */
	public abstract String baseUrl();

	final int port() {
		return this.server.getAddress().getPort();
	}

	/** Answers the next requests with these replies, in order. */
	public FakeLlmServer enqueue(Reply... replies) {
		this.script.addAll(List.of(replies));
		return this;
	}

	/** What to answer once the script is used up. */
	public FakeLlmServer defaultReply(Function<RecordedRequest, Reply> reply) {
		this.defaultReply.set(reply);
		return this;
	}

	/** Every request received so far, in order. */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/** Streams that were written to the end. */
	public int completedStreams() {
		return this.completedStreams.get();
	}

	/** Streams the client closed before their end. */
	public int disconnects() {
		return this.disconnectCount.get();
	}

	/** Waits until a client has hung up in the middle of a stream. */
	public boolean awaitDisconnect(Duration timeout) {
		try {
			boolean seen = this.disconnects.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (seen) {
				this.disconnects.release();
			}
			return seen;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The tokenizer usage is counted with. */
	public Tokenizer tokenizer() {
		return this.tokenizer;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] raw;
			try (InputStream in = exchange.getRequestBody()) {
				raw = in.readAllBytes();
			}
			JsonNode body = JSON.readTree(raw.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : raw);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
			RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
					exchange.getRequestURI().getPath(), headers, body, body.path("model").asString(""),
					body.path("stream").asBoolean(false), promptTexts(body));
			this.requests.add(request);
			Reply reply = this.script.poll();
			if (reply == null) {
				reply = this.defaultReply.get().apply(request);
			}
			pause(reply.headerDelay());
			reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			if (reply.isError()) {
				sendJson(exchange, reply.status(), errorBody(reply));
			}
			else if (request.stream()) {
				exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
				exchange.getResponseHeaders().add("Cache-Control", "no-cache");
				exchange.sendResponseHeaders(200, 0);
				Stream stream = new Stream(exchange.getResponseBody(), reply.chunkDelay());
				try {
					writeStream(stream, request, reply, chunks(reply));
					this.completedStreams.incrementAndGet();
				}
				catch (IOException ex) {
					this.disconnectCount.incrementAndGet();
					this.disconnects.release();
				}
			}
			else {
				sendJson(exchange, 200, completeBody(request, reply));
			}
		}
	}

	/** The system prompt and message texts of a request body. */
	abstract List<String> promptTexts(JsonNode body);

	abstract String errorBody(Reply reply);

	abstract String completeBody(RecordedRequest request, Reply reply);

	abstract void writeStream(Stream stream, RecordedRequest request, Reply reply, List<String> chunks)
			throws IOException;

	int promptTokens(RecordedRequest request) {
		return this.tokenizer.countPrompt(request.promptTexts());
	}

	int outputTokens(String text) {
		return this.tokenizer.count(text);
	}

	static List<String> chunks(Reply reply) {
		List<String> pieces = new ArrayList<>();
		Matcher matcher = WORD.matcher(reply.text());
		StringBuilder chunk = new StringBuilder();
		int words = 0;
		while (matcher.find()) {
			chunk.append(matcher.group());
			if (!matcher.group().isBlank() && ++words == reply.wordsPerChunk()) {
				pieces.add(chunk.toString());
				chunk.setLength(0);
				words = 0;
			}
		}
		if (!chunk.isEmpty()) {
			pieces.add(chunk.toString());
		}
		return pieces;
	}

	static String stopReasonOr(Reply reply, String natural) {
		return reply.stopReason().isEmpty() ? natural : reply.stopReason();
	}

	private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static void pause(Duration delay) {
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** A server-sent event stream that pauses between content events. */
	static final class Stream {

		private final OutputStream out;

		private final Duration delay;

		Stream(OutputStream out, Duration delay) {
			this.out = out;
			this.delay = delay;
		}

		void event(String name, String data) throws IOException {
			this.out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		void data(String data) throws IOException {
			this.out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		void pause() {
			FakeLlmServer.pause(this.delay);
		}

		OutputStream out() {
			return this.out;
		}

	}

}
