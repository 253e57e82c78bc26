package io.authorworks.lib.storyai.engine;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.authorworks.lib.storyai.TextGenerator;
import io.authorworks.lib.storyai.cost.HeuristicTokenEstimator;
import io.authorworks.lib.storyai.offline.OfflineGenerator;
import io.authorworks.lib.storyai.provider.AnthropicGenerator;
import io.authorworks.lib.storyai.provider.OpenAiCompatibleGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The providers that are configured, by name. Anthropic needs {@code ANTHROPIC_API_KEY};
 * the OpenAI-compatible provider needs a base URL or {@code OPENAI_API_KEY}; the offline
 * provider is always there.
 */
public final class Generators {

	private final Map<String, TextGenerator> byProvider;

	public Generators(Map<String, TextGenerator> byProvider) {
		Map<String, TextGenerator> all = new LinkedHashMap<>(byProvider);
		all.putIfAbsent(OfflineGenerator.PROVIDER, new OfflineGenerator());
		this.byProvider = Map.copyOf(all);
	}

	/**
	 * Builds the configured providers.
	 * @param env reads an environment variable, {@code null} when unset
	 */
	public static Generators from(AiProperties properties, Function<String, @Nullable String> env, Clock clock) {
		Map<String, TextGenerator> generators = new LinkedHashMap<>();
		String anthropicKey = env.apply("ANTHROPIC_API_KEY");
		if (anthropicKey != null && !anthropicKey.isBlank()) {
			generators.put(AnthropicGenerator.PROVIDER, AnthropicGenerator.create(properties.anthropic().baseUrl(),
					anthropicKey.strip(), properties.requestTimeout(), properties.streamIdleTimeout(), clock));
		}
		String openAiKey = env.apply("OPENAI_API_KEY");
		String openAiUrl = properties.openai().baseUrl();
		String apiKey = (openAiKey != null && !openAiKey.isBlank()) ? openAiKey.strip() : null;
		if ((openAiUrl != null && !openAiUrl.isBlank()) || apiKey != null) {
			String url = (openAiUrl != null && !openAiUrl.isBlank()) ? openAiUrl
					: OpenAiCompatibleGenerator.OPENAI_BASE_URL;
			generators.put(OpenAiCompatibleGenerator.PROVIDER,
					new OpenAiCompatibleGenerator(url, apiKey, properties.connectTimeout(), properties.requestTimeout(),
							properties.streamIdleTimeout(), properties.openai().maxTokensField(),
							new HeuristicTokenEstimator(1.05), clock));
		}
		return new Generators(generators);
	}

	public Optional<TextGenerator> find(String provider) {
		return Optional.ofNullable(this.byProvider.get(provider));
	}

	public boolean has(String provider) {
		return this.byProvider.containsKey(provider);
	}

	public Set<String> providers() {
		return this.byProvider.keySet();
	}

}
