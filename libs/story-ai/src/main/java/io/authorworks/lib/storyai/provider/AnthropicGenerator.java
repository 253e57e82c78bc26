package io.authorworks.lib.storyai.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawMessageStreamEvent;
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
import io.authorworks.lib.storyai.retry.RetryAfter;
import org.jspecify.annotations.Nullable;

/**
 * Streams from the Anthropic Messages API through the official SDK. The SDK's own retries
 * are off ({@code maxRetries(0)}) because {@link io.authorworks.lib.storyai.retry} owns
 * retrying; usage is accumulated from {@code message_start} (input tokens) and
 * {@code message_delta} (cumulative output tokens). The request's temperature is not
 * sent: the SDK's current API version has no such parameter (sampling is the model's
 * own).
 */
public final class AnthropicGenerator implements TextGenerator {

	public static final String PROVIDER = "anthropic";

	private final AnthropicClient client;

	private final Clock clock;

	private final Duration idleTimeout;

	public AnthropicGenerator(AnthropicClient client, Clock clock, Duration idleTimeout) {
		this.client = Objects.requireNonNull(client);
		this.clock = Objects.requireNonNull(clock);
		this.idleTimeout = Objects.requireNonNull(idleTimeout);
	}

	/**
	 * A generator with its own client.
	 * @param baseUrl the API's base URL, or {@code null} for Anthropic's
	 * @param apiKey the key, read by the caller from {@code ANTHROPIC_API_KEY}
	 * @param requestTimeout the longest a whole call may take
	 * @param idleTimeout the longest a stream may stay silent
	 */
	public static AnthropicGenerator create(@Nullable String baseUrl, String apiKey, Duration requestTimeout,
			Duration idleTimeout, Clock clock) {
		AnthropicOkHttpClient.Builder builder = AnthropicOkHttpClient.builder()
			.apiKey(apiKey)
			.maxRetries(0)
			.timeout(requestTimeout);
		if (baseUrl != null && !baseUrl.isBlank()) {
			builder.baseUrl(baseUrl.replaceAll("/+$", ""));
		}
		return new AnthropicGenerator(builder.build(), clock, idleTimeout);
	}

	@Override
	public String provider() {
		return PROVIDER;
	}

	@Override
	public GenerationResult generate(GenerationRequest request, TokenSink sink) {
		CancellationToken token = request.cancellation();
		token.throwIfCancelled();
		MessageCreateParams params = params(request);
		EventChannel<RawMessageStreamEvent> channel = new EventChannel<>(PROVIDER);
		AsyncStreamResponse<RawMessageStreamEvent> response;
		try {
			response = this.client.async().messages().createStreaming(params);
		}
		catch (AnthropicException ex) {
			throw classify(ex, request.model(), token);
		}
		CancellationToken.Registration registration = token.onCancel(() -> {
			channel.cancel();
			response.close();
		});
		try {
			response.subscribe(new AsyncStreamResponse.Handler<RawMessageStreamEvent>() {

				@Override
				public void onNext(RawMessageStreamEvent event) {
					channel.offer(event);
				}

				@Override
				public void onComplete(Optional<Throwable> error) {
					error.ifPresentOrElse(channel::fail, channel::complete);
				}

			});
			return consume(request, channel, sink);
		}
		catch (EventChannel.Failure.Rethrown ex) {
			throw classify(ex.getCause(), request.model(), token);
		}
		finally {
			registration.close();
			response.close();
		}
	}

	private GenerationResult consume(GenerationRequest request, EventChannel<RawMessageStreamEvent> channel,
			TokenSink sink) {
		StringBuilder text = new StringBuilder();
		String model = request.model();
		long inputTokens = 0;
		long outputTokens = 0;
		StopReason stopReason = StopReason.OTHER;
		boolean started = false;
		boolean stopped = false;
		RawMessageStreamEvent event;
		while ((event = channel.next(this.idleTimeout)) != null) {
			if (event.isMessageStart()) {
				Message message = event.asMessageStart().message();
				started = true;
				model = message.model().asString();
				inputTokens = message.usage().inputTokens() + message.usage().cacheReadInputTokens().orElse(0L)
						+ message.usage().cacheCreationInputTokens().orElse(0L);
				outputTokens = message.usage().outputTokens();
			}
			else if (event.isContentBlockDelta()) {
				Optional<String> delta = event.asContentBlockDelta().delta().text().map((t) -> t.text());
				if (delta.isPresent() && !delta.get().isEmpty()) {
					text.append(delta.get());
					sink.onText(delta.get());
				}
			}
			else if (event.isMessageDelta()) {
				MessageDeltaUsage usage = event.asMessageDelta().usage();
				outputTokens = usage.outputTokens();
				if (usage.inputTokens().isPresent()) {
					inputTokens = usage.inputTokens().get() + usage.cacheReadInputTokens().orElse(0L)
							+ usage.cacheCreationInputTokens().orElse(0L);
				}
				Optional<String> reason = event.asMessageDelta().delta().stopReason().map((r) -> r.asString());
				if (reason.isPresent()) {
					stopReason = StopReason.fromWire(reason.get());
				}
			}
			else if (event.isMessageStop()) {
				stopped = true;
			}
		}
		if (!started || !stopped) {
			throw new TransientAiException(FailureKind.MALFORMED_RESPONSE, PROVIDER,
					FailureKind.MALFORMED_RESPONSE.description() + " The stream ended before the message was complete.",
					0, null, null);
		}
		return GenerationResult.online(text.toString(), stopReason, Usage.reported(inputTokens, outputTokens), PROVIDER,
				model);
	}

	static MessageCreateParams params(GenerationRequest request) {
		MessageCreateParams.Builder params = MessageCreateParams.builder()
			.model(request.model())
			.maxTokens(request.maxOutputTokens());
		if (!request.systemPrompt().isBlank()) {
			params.system(request.systemPrompt());
		}
		for (ChatMessage message : request.messages()) {
			if (message.role() == ChatMessage.Role.USER) {
				params.addUserMessage(message.content());
			}
			else {
				params.addAssistantMessage(message.content());
			}
		}
		List<String> stops = request.stopSequences();
		if (!stops.isEmpty()) {
			params.stopSequences(stops);
		}
		return params.build();
	}

	private AiException classify(@Nullable Throwable error, String model, CancellationToken token) {
		if (token.isCancelled()) {
			return new GenerationCancelledException(PROVIDER);
		}
		Throwable root = (error != null) ? ProviderErrors.unwrap(error) : new IllegalStateException("unknown");
		if (root instanceof AiException ai) {
			return ai;
		}
		if (root instanceof AnthropicServiceException service) {
			String type = service.type().map((t) -> t.asString()).orElse(null);
			String code = service.errorCode().orElse(null);
			if (code == null && String.valueOf(service.body()).contains("enforced_spend_limit_reached")) {
				code = "enforced_spend_limit_reached";
			}
			Duration retryAfter = RetryAfter.from((name) -> first(service.headers().values(name)), this.clock);
			return ProviderErrors.fromResponse(PROVIDER, model, service.statusCode(), type, code,
					service.apiMessage().orElse(null), retryAfter, service);
		}
		return ProviderErrors.fromIo(PROVIDER, root);
	}

	private static @Nullable String first(List<String> values) {
		return values.isEmpty() ? null : values.getFirst();
	}

}
