package io.authorworks.lib.storyai.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

import io.authorworks.lib.storyai.AiException;
import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.ChatMessage;
import io.authorworks.lib.storyai.FailureKind;
import io.authorworks.lib.storyai.GenerationCancelledException;
import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.StopReason;
import io.authorworks.lib.storyai.TextGenerator;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.TransientAiException;
import io.authorworks.lib.storyai.Usage;
import io.authorworks.lib.storyai.cost.TokenEstimator;
import io.authorworks.lib.storyai.retry.RetryAfter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams from any OpenAI-compatible {@code /chat/completions} endpoint (OpenAI, Ollama,
 * vLLM, LM Studio) with the JDK HTTP client. The request asks for
 * {@code stream_options.include_usage} so the last chunk before {@code data: [DONE]}
 * carries the usage; servers that ignore it get an estimated usage, marked as such.
 *
 * <p>
 * The JDK client was chosen over {@code com.openai:openai-java} (which resolves too)
 * because local servers differ in small ways (errors as plain strings, missing usage,
 * keep-alive comments) that a hand-read stream tolerates, and because cancelling the body
 * subscription closes the connection at once.
 */
public final class OpenAiCompatibleGenerator implements TextGenerator {

	public static final String PROVIDER = "openai";

	/** OpenAI's own endpoint, used when only a key is configured. */
	public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI endpoint;

	private final @Nullable String apiKey;

	private final Duration requestTimeout;

	private final Duration idleTimeout;

	private final String maxTokensField;

	private final TokenEstimator estimator;

	private final Clock clock;

	/**
	 * @param baseUrl the API root, such as {@code http://localhost:11434/v1}
	 * @param apiKey the key from {@code OPENAI_API_KEY}; {@code null} for local servers
	 * @param requestTimeout how long to wait for the response to start
	 * @param idleTimeout the longest a stream may stay silent
	 * @param maxTokensField {@code max_tokens} (most servers) or
	 * {@code max_completion_tokens} (OpenAI's reasoning models)
	 * @param estimator estimates usage when the server reports none
	 */
	public OpenAiCompatibleGenerator(String baseUrl, @Nullable String apiKey, Duration connectTimeout,
			Duration requestTimeout, Duration idleTimeout, String maxTokensField, TokenEstimator estimator,
			Clock clock) {
		this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
		this.apiKey = (apiKey == null || apiKey.isBlank()) ? null : apiKey;
		this.requestTimeout = requestTimeout;
		this.idleTimeout = idleTimeout;
		this.maxTokensField = maxTokensField;
		this.estimator = Objects.requireNonNull(estimator);
		this.clock = Objects.requireNonNull(clock);
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.version("https".equalsIgnoreCase(this.endpoint.getScheme()) ? HttpClient.Version.HTTP_2
					: HttpClient.Version.HTTP_1_1)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	@Override
	public String provider() {
		return PROVIDER;
	}

	@Override
	public GenerationResult generate(GenerationRequest request, TokenSink sink) {
		CancellationToken token = request.cancellation();
		token.throwIfCancelled();
		HttpRequest.Builder http = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.requestTimeout)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8));
		if (this.apiKey != null) {
			http.header("Authorization", "Bearer " + this.apiKey);
		}
		EventChannel<String> channel = new EventChannel<>(PROVIDER);
		LineSubscriber lines = new LineSubscriber(channel);
		CompletableFuture<HttpResponse<String>> future = this.http.sendAsync(http.build(), (info) -> {
			if (info.statusCode() >= 300) {
				return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
			}
			return HttpResponse.BodySubscribers.fromLineSubscriber(lines, (subscriber) -> "", StandardCharsets.UTF_8,
					"\n");
		});
		CancellationToken.Registration registration = token.onCancel(() -> {
			channel.cancel();
			lines.cancel();
			future.cancel(true);
		});
		try {
			HttpResponse<String> response = awaitHeaders(future, channel, lines);
			if (response != null && response.statusCode() >= 300) {
				throw errorFrom(response, request.model());
			}
			return consume(request, channel, sink);
		}
		catch (EventChannel.Failure.Rethrown ex) {
			throw classify(ex.getCause(), token);
		}
		finally {
			registration.close();
			lines.cancel();
		}
	}

	/**
	 * Waits for the response to start. A success streams its body through the channel
	 * (the future completes only at its end); an error completes the future with the
	 * body.
	 */
	private @Nullable HttpResponse<String> awaitHeaders(CompletableFuture<HttpResponse<String>> future,
			EventChannel<String> channel, LineSubscriber lines) {
		future.whenComplete((response, error) -> {
			if (error != null) {
				channel.fail(error);
			}
			else if (response.statusCode() >= 300) {
				channel.complete();
			}
		});
		lines.awaitStartOr(future);
		if (future.isDone() && !future.isCompletedExceptionally() && !future.isCancelled()) {
			return future.join();
		}
		return null;
	}

	private GenerationResult consume(GenerationRequest request, EventChannel<String> channel, TokenSink sink) {
		StringBuilder text = new StringBuilder();
		StringBuilder data = new StringBuilder();
		String model = request.model();
		StopReason stopReason = StopReason.OTHER;
		Usage usage = null;
		boolean done = false;
		String line;
		while (!done && (line = channel.next(this.idleTimeout)) != null) {
			if (line.endsWith("\r")) {
				line = line.substring(0, line.length() - 1);
			}
			if (line.startsWith("data:")) {
				data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
				continue;
			}
			if (!line.isEmpty() || data.isEmpty()) {
				continue; // comments (": keep-alive"), event names, ids
			}
			String event = data.toString();
			data.setLength(0);
			if (event.equals("[DONE]")) {
				done = true;
				continue;
			}
			JsonNode chunk = parse(event);
			if (chunk.has("error")) {
				throw errorFromBody(chunk, 0, null, request.model());
			}
			if (chunk.path("model").isString()) {
				model = chunk.path("model").asString();
			}
			for (JsonNode choice : chunk.path("choices")) {
				JsonNode content = choice.path("delta").path("content");
				if (content.isString() && !content.asString().isEmpty()) {
					text.append(content.asString());
					sink.onText(content.asString());
				}
				if (choice.path("finish_reason").isString()) {
					stopReason = StopReason.fromWire(choice.path("finish_reason").asString());
				}
			}
			JsonNode reported = chunk.path("usage");
			if (reported.isObject()) {
				usage = Usage.reported(reported.path("prompt_tokens").asLong(0),
						reported.path("completion_tokens").asLong(0));
			}
		}
		if (!done) {
			throw new TransientAiException(FailureKind.MALFORMED_RESPONSE, PROVIDER,
					FailureKind.MALFORMED_RESPONSE.description() + " The stream ended without [DONE].", 0, null, null);
		}
		if (usage == null) {
			usage = new Usage(this.estimator.estimate(request.promptText()), this.estimator.estimate(text.toString()),
					true);
		}
		return GenerationResult.online(text.toString(), stopReason, usage, PROVIDER, model);
	}

	String body(GenerationRequest request) {
		ObjectNode body = JSON.createObjectNode();
		body.put("model", request.model());
		ArrayNode messages = body.putArray("messages");
		if (!request.systemPrompt().isBlank()) {
			messages.addObject().put("role", "system").put("content", request.systemPrompt());
		}
		for (ChatMessage message : request.messages()) {
			messages.addObject()
				.put("role", (message.role() == ChatMessage.Role.USER) ? "user" : "assistant")
				.put("content", message.content());
		}
		body.put(this.maxTokensField, request.maxOutputTokens());
		if (request.temperature() != null) {
			body.put("temperature", request.temperature());
		}
		if (!request.stopSequences().isEmpty()) {
			ArrayNode stop = body.putArray("stop");
			request.stopSequences().forEach(stop::add);
		}
		if (request.seed() != 0) {
			body.put("seed", request.seed());
		}
		body.put("stream", true);
		body.putObject("stream_options").put("include_usage", true);
		return JSON.writeValueAsString(body);
	}

	private AiException errorFrom(HttpResponse<String> response, String model) {
		Duration retryAfter = RetryAfter.from((name) -> response.headers().firstValue(name).orElse(null), this.clock);
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (JacksonException ex) {
			body = JSON.createObjectNode().put("error", response.body());
		}
		return errorFromBody(body, response.statusCode(), retryAfter, model);
	}

	private AiException errorFromBody(JsonNode body, int status, @Nullable Duration retryAfter, String model) {
		JsonNode error = body.path("error");
		String message = error.isString() ? error.asString() : text(error.path("message"));
		String type = text(error.path("type"));
		String code = error.path("code").isNumber() ? error.path("code").asString() : text(error.path("code"));
		int effective = status;
		if (effective == 0) {
			// An error inside a 200 stream: the body may carry the status as its code.
			effective = error.path("code").isNumber() ? error.path("code").asInt() : 500;
		}
		return ProviderErrors.fromResponse(PROVIDER, model, effective, type, code, message, retryAfter, null);
	}

	private AiException classify(@Nullable Throwable error, CancellationToken token) {
		if (token.isCancelled()) {
			return new GenerationCancelledException(PROVIDER);
		}
		Throwable root = (error != null) ? ProviderErrors.unwrap(error) : new IllegalStateException("unknown");
		if (root instanceof AiException ai) {
			return ai;
		}
		return ProviderErrors.fromIo(PROVIDER, root);
	}

	private static JsonNode parse(String event) {
		try {
			return JSON.readTree(event);
		}
		catch (JacksonException ex) {
			throw new TransientAiException(FailureKind.MALFORMED_RESPONSE, PROVIDER,
					FailureKind.MALFORMED_RESPONSE.description(), 0, null, null);
		}
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	/** Feeds body lines into the channel and lets the caller cancel the subscription. */
	private static final class LineSubscriber implements Flow.Subscriber<String> {

		private final EventChannel<String> channel;

		private final AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();

		private final CompletableFuture<Void> started = new CompletableFuture<>();

		private volatile boolean cancelled;

		LineSubscriber(EventChannel<String> channel) {
			this.channel = channel;
		}

		@Override
		public void onSubscribe(Flow.Subscription value) {
			this.subscription.set(value);
			this.started.complete(null);
			if (this.cancelled) {
				value.cancel();
			}
			else {
				value.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(String line) {
			this.channel.offer(line);
		}

		@Override
		public void onError(Throwable error) {
			this.channel.fail(error);
		}

		@Override
		public void onComplete() {
			this.channel.complete();
		}

		void awaitStartOr(CompletableFuture<?> response) {
			try {
				CompletableFuture.anyOf(this.started, response).join();
			}
			catch (RuntimeException ex) {
				// The failure reaches the caller through the channel.
			}
		}

		void cancel() {
			this.cancelled = true;
			Flow.Subscription value = this.subscription.get();
			if (value != null) {
				value.cancel();
			}
		}

	}

}
