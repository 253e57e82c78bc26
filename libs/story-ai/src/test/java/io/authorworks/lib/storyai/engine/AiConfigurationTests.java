package io.authorworks.lib.storyai.engine;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

import io.authorworks.lib.storyai.Step;
import io.authorworks.lib.storyai.cost.ModelPrice;
import io.authorworks.lib.storyai.cost.PriceTable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AiConfigurationTests {

	/** The module's shipped defaults, with the given variables as the environment. */
	private static AiProperties defaults(Map<String, Object> environment) throws IOException {
		Properties file = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("META-INF/authorworks/50-story-ai.properties"));
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		env.getPropertySources().addFirst(new MapPropertySource("test-env", environment));
		env.getPropertySources().addLast(new PropertiesPropertySource("defaults", file));
		return Binder.get(env).bind("authorworks.ai", AiProperties.class).get();
	}

	private static ModelRouter router(AiProperties properties, Map<String, String> env) {
		return new ModelRouter(properties.models(), properties.fallback(),
				Generators.from(properties, env::get, Clock.systemUTC()));
	}

	@Test
	void withNothingConfiguredEveryStepIsOffline() throws IOException {
		ModelRouter router = router(defaults(Map.of()), Map.of());

		for (Step step : Step.values()) {
			assertThat(router.route(step)).isEqualTo(new ModelRoute("offline", "offline-v1"));
		}
	}

	@Test
	void anAnthropicKeyRoutesCheapAndStrongModelsPerStep() throws IOException {
		ModelRouter router = router(defaults(Map.of()), Map.of("ANTHROPIC_API_KEY", "sk-ant-x"));

		assertThat(router.route(Step.CHAPTER_SUMMARY)).hasToString("anthropic:claude-haiku-4-5");
		assertThat(router.route(Step.CHAPTER_PROSE)).hasToString("anthropic:claude-opus-5-5");
		assertThat(router.route(Step.OUTLINE)).hasToString("anthropic:claude-sonnet-5-5");
	}

	@Test
	void aLocalEndpointAloneServesEveryStepThroughTheFallback() throws IOException {
		AiProperties properties = defaults(
				Map.of("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1", "OPENAI_MODEL", "qwen2.5:14b"));
		ModelRouter router = router(properties, Map.of());

		assertThat(properties.openai().baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
		assertThat(router.route(Step.CHAPTER_PROSE)).hasToString("openai:qwen2.5:14b");
		assertThat(router.route(Step.REWRITE)).hasToString("openai:qwen2.5:14b");
	}

	@Test
	void stepRoutesAreConfiguration() throws IOException {
		AiProperties properties = defaults(Map.of("authorworks.ai.models.rewrite", "openai:gpt-4o-mini",
				"AI_MODEL_SUMMARY", "openai:gpt-4o-mini"));
		ModelRouter router = router(properties, Map.of("ANTHROPIC_API_KEY", "k", "OPENAI_API_KEY", "k"));

		assertThat(router.route(Step.REWRITE)).hasToString("openai:gpt-4o-mini");
		assertThat(router.route(Step.CHAPTER_SUMMARY)).hasToString("openai:gpt-4o-mini");
		assertThat(router.route(Step.BRAINSTORM)).hasToString("anthropic:claude-sonnet-5-5");
	}

	@Test
	void aStepCanBeRoutedByAnEnvironmentVariable() throws IOException {
		Properties file = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("META-INF/authorworks/50-story-ai.properties"));
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		env.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("AUTHORWORKS_AI_MODELS_CHAPTER_PLAN", "openai:gpt-4o-mini")));
		env.getPropertySources().addLast(new PropertiesPropertySource("defaults", file));
		AiProperties properties = Binder.get(env).bind("authorworks.ai", AiProperties.class).get();

		ModelRouter router = router(properties, Map.of("ANTHROPIC_API_KEY", "k", "OPENAI_API_KEY", "k"));

		assertThat(router.route(Step.CHAPTER_PLAN)).hasToString("openai:gpt-4o-mini");
	}

	@Test
	void bindsPricesRetriesAndBudgets() throws IOException {
		AiProperties properties = defaults(Map.of("authorworks.ai.prices[gpt-4.1-mini]", "0.40/1.60 USD",
				"authorworks.ai.context-budget[claude-opus-5-5]", "60000", "authorworks.ai.retry.max-attempts", "6"));
		PriceTable prices = PriceTable.parse(properties.prices());

		assertThat(prices.find("openai", "gpt-4.1-mini")).contains(new ModelPrice(400_000, 1_600_000, "USD"));
		assertThat(prices.priceOf("anthropic", "claude-sonnet-5-5-20260901"))
			.isEqualTo(new ModelPrice(2_000_000, 10_000_000, "USD"));
		assertThat(prices.priceOf("openai", "llama3.1:8b")).isEqualTo(ModelPrice.FREE);
		assertThat(properties.contextBudget()).containsEntry("claude-opus-5-5", 60000).containsEntry("default", 24000);
		assertThat(properties.retry().policy().maxAttempts()).isEqualTo(6);
		assertThat(properties.streamIdleTimeout()).hasSeconds(90);
	}

	@Test
	void aMalformedRouteFailsAtStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ModelRouter(Map.of("default", "claude-sonnet"), java.util.List.of(),
					new Generators(Map.of())))
			.withMessageContaining("provider:model");
	}

}
