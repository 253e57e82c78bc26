package io.authorworks.lib.storyai.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import io.authorworks.lib.storyai.AiException;
import io.authorworks.lib.storyai.FailureKind;
import io.authorworks.lib.storyai.PermanentAiException;
import io.authorworks.lib.storyai.TransientAiException;
import org.jspecify.annotations.Nullable;

/**
 * Turns provider error responses into typed failures with a readable reason. Status codes
 * decide first, then the error type and code in the body: a {@code 429} that means "out
 * of quota" (OpenAI {@code insufficient_quota}, Anthropic
 * {@code enforced_spend_limit_reached}) is permanent although 429 is usually transient,
 * and a {@code 400} about context length becomes {@link FailureKind#CONTEXT_TOO_LONG}.
 */
public final class ProviderErrors {

	private static final Pattern SECRET = Pattern
		.compile("(?i)(sk-[a-z0-9_\\-*]{6,}|bearer\\s+\\S+|api[_-]?key[\"'=:\\s]+\\S+)");

	private static final int MAX_DETAIL = 240;

	private ProviderErrors() {
	}

	/**
	 * Classifies an HTTP error response.
	 * @param provider the provider's name
	 * @param model the model that was asked for
	 * @param status the HTTP status
	 * @param type the error type from the body ({@code overloaded_error},
	 * {@code invalid_request_error}, …), if any
	 * @param code the error code from the body ({@code context_length_exceeded}, …)
	 * @param message the provider's message, if any
	 * @param retryAfter what the response asked us to wait
	 */
	public static AiException fromResponse(String provider, String model, int status, @Nullable String type,
			@Nullable String code, @Nullable String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
		String lowerType = lower(type);
		String lowerCode = lower(code);
		String lowerMessage = lower(message);
		FailureKind kind = kindOf(status, lowerType, lowerCode, lowerMessage);
		String reason = reason(kind, provider, model, status, message);
		if (kind.isTransient()) {
			return new TransientAiException(kind, provider, reason, status, retryAfter, cause);
		}
		return new PermanentAiException(kind, provider, reason, cause);
	}

	/** Classifies a failure below HTTP: connection refused or reset, timeouts. */
	public static AiException fromIo(String provider, Throwable error) {
		Throwable root = unwrap(error);
		boolean timeout = root instanceof HttpTimeoutException || root instanceof SocketTimeoutException
				|| lower(root.getMessage()).contains("timeout") || lower(root.getMessage()).contains("timed out");
		FailureKind kind = timeout ? FailureKind.TIMEOUT : FailureKind.CONNECTION;
		String detail = (root instanceof ConnectException) ? " The provider could not be reached."
				: (root instanceof IOException && !timeout) ? " The connection was interrupted." : "";
		return new TransientAiException(kind, provider, kind.description() + detail, 0, null, error);
	}

	static FailureKind kindOf(int status, String type, String code, String message) {
		boolean contextTooLong = code.contains("context_length") || message.contains("prompt is too long")
				|| message.contains("context length") || message.contains("context window")
				|| message.contains("too many tokens") || type.contains("request_too_large");
		if (type.contains("overloaded") || status == 529) {
			return FailureKind.OVERLOADED;
		}
		if (code.contains("insufficient_quota") || code.contains("spend_limit") || message.contains("spend limit")
				|| type.contains("billing") || status == 402) {
			return FailureKind.QUOTA_EXCEEDED;
		}
		if (status == 429 || type.contains("rate_limit")) {
			return FailureKind.RATE_LIMITED;
		}
		if (contextTooLong || status == 413) {
			return FailureKind.CONTEXT_TOO_LONG;
		}
		if (status == 401 || type.contains("authentication")) {
			return FailureKind.AUTHENTICATION;
		}
		if (status == 403 || type.contains("permission")) {
			return FailureKind.PERMISSION;
		}
		if (status == 404 || type.contains("not_found") || code.contains("model_not_found")) {
			return FailureKind.MODEL_NOT_FOUND;
		}
		if (status == 408 || type.contains("timeout") || status == 504) {
			return FailureKind.TIMEOUT;
		}
		if (status == 409 || status >= 500 || type.equals("api_error") || type.equals("server_error")) {
			return FailureKind.SERVER_ERROR;
		}
		return FailureKind.INVALID_REQUEST;
	}

	private static String reason(FailureKind kind, String provider, String model, int status,
			@Nullable String message) {
		StringBuilder reason = new StringBuilder(kind.description());
		switch (kind) {
			case MODEL_NOT_FOUND ->
				reason.append(" (").append(provider).append(" model \"").append(model).append("\")");
			case CONTEXT_TOO_LONG -> reason.append(" Shorten the selection or the context and try again.");
			case INVALID_REQUEST -> {
				String detail = sanitize(message);
				if (!detail.isEmpty()) {
					reason.append(" ").append(capitalize(provider)).append(" said: ").append(detail);
				}
			}
			default -> {
			}
		}
		if (status > 0 && kind != FailureKind.AUTHENTICATION) {
			reason.append(" [").append(provider).append(" HTTP ").append(status).append(']');
		}
		return reason.toString();
	}

	/**
	 * Keeps a provider message fit to show: one line, bounded length, and nothing that
	 * looks like a key or a bearer token.
	 */
	public static String sanitize(@Nullable String message) {
		if (message == null) {
			return "";
		}
		String clean = SECRET.matcher(message).replaceAll("[redacted]").replaceAll("\\s+", " ").strip();
		if (clean.length() > MAX_DETAIL) {
			clean = clean.substring(0, MAX_DETAIL - 1) + "…";
		}
		return clean;
	}

	static Throwable unwrap(Throwable error) {
		Throwable current = error;
		while ((current instanceof CompletionException || current instanceof ExecutionException
				|| current instanceof EventChannel.Failure.Rethrown) && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private static String lower(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : "";
	}

	private static String capitalize(String value) {
		return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
	}

}
