package io.authorworks.lib.storyai.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.authorworks.lib.storyai.retry.RetryPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the AI layer ({@code authorworks.ai.*}). Provider and model names live
 * here, never in code. API keys do not: they are read from the environment variables
 * {@code ANTHROPIC_API_KEY} and {@code OPENAI_API_KEY} only.
 *
 * @param models routes by step key ({@code chapter-prose}, {@code chapter-summary}, …) or
 * {@code default}, each {@code provider:model}, e.g. {@code anthropic:claude-haiku-4-5}
 * or {@code openai:llama3.1:8b}
 * @param fallback routes tried in order when a step's provider is not configured; the
 * offline provider always comes last
 * @param anthropic Anthropic settings
 * @param openai OpenAI-compatible endpoint settings
 * @param prices price per model, {@code "input/output CUR"} per million tokens, e.g.
 * {@code authorworks.ai.prices[claude-sonnet-5-5]=2.00/10.00 USD}
 * @param contextBudget prompt budget in tokens per model, with key {@code default} for
 * the rest
 * @param retry how transient failures are retried
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout the longest one call may take
 * @param streamIdleTimeout the longest a stream may stay silent before it counts as a
 * timeout
 */
@ConfigurationProperties("authorworks.ai")
public record AiProperties(Map<String, String> models, List<String> fallback, Anthropic anthropic, OpenAi openai,
		Map<String, String> prices, Map<String, Integer> contextBudget, Retry retry,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("10m") Duration requestTimeout,
		@DefaultValue("90s") Duration streamIdleTimeout) {

	public AiProperties {
		models = (models != null) ? Map.copyOf(models) : Map.of();
		fallback = (fallback != null) ? List.copyOf(fallback) : List.of();
		anthropic = (anthropic != null) ? anthropic : new Anthropic(null);
		openai = (openai != null) ? openai : new OpenAi(null, "max_tokens");
		prices = (prices != null) ? Map.copyOf(prices) : Map.of();
		contextBudget = (contextBudget != null) ? Map.copyOf(contextBudget) : Map.of();
		retry = (retry != null) ? retry
				: new Retry(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
	}

	/**
	 * Anthropic.
	 *
	 * @param baseUrl the API base URL, empty for Anthropic's own
	 */
	public record Anthropic(@Nullable String baseUrl) {
	}

	/**
	 * Any OpenAI-compatible chat-completions endpoint: OpenAI, Ollama, vLLM, LM Studio.
	 *
	 * @param baseUrl the API root such as {@code http://localhost:11434/v1}; with only
	 * {@code OPENAI_API_KEY} set, OpenAI's own
	 * @param maxTokensField {@code max_tokens}, or {@code max_completion_tokens} for
	 * OpenAI's reasoning models
	 */
	public record OpenAi(@Nullable String baseUrl, @DefaultValue("max_tokens") String maxTokensField) {
	}

	/**
	 * Retry policy.
	 *
	 * @param maxAttempts calls in total, including the first
	 * @param initialBackoff back-off ceiling after the first failure
	 * @param maxBackoff the largest back-off ceiling
	 * @param maxRetryAfter the longest Retry-After honoured in-process
	 */
	public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("30s") Duration maxBackoff, @DefaultValue("60s") Duration maxRetryAfter) {

		public RetryPolicy policy() {
			return new RetryPolicy(this.maxAttempts, this.initialBackoff, this.maxBackoff, this.maxRetryAfter);
		}

	}

}
