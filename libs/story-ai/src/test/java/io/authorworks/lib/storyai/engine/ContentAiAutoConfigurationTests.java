package io.authorworks.lib.storyai.engine;

import io.authorworks.lib.storyai.Step;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ContentAiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContentAiAutoConfiguration.class));

	@Test
	void providesContentAiFromProperties() {
		this.runner
			.withPropertyValues("authorworks.ai.models.default=openai:gpt-4o-mini",
					"authorworks.ai.openai.base-url=http://127.0.0.1:9/v1",
					"authorworks.ai.prices[gpt-4o-mini]=0.15/0.60 USD")
			.run((context) -> {
				assertThat(context).hasSingleBean(ContentAi.class);
				ContentAi ai = context.getBean(ContentAi.class);
				assertThat(ai.route(Step.REWRITE)).hasToString("openai:gpt-4o-mini");
			});
	}

	@Test
	void aMalformedRouteStopsTheApplication() {
		this.runner.withPropertyValues("authorworks.ai.models.default=sonnet")
			.run((context) -> assertThat(context).hasFailed());
	}

}
