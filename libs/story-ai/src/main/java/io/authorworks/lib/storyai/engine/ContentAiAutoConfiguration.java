package io.authorworks.lib.storyai.engine;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives an application that has this library on its class path a {@link ContentAi} built
 * from {@code authorworks.ai.*} and the API keys in the process environment.
 */
@AutoConfiguration
@EnableConfigurationProperties(AiProperties.class)
public class ContentAiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ContentAi contentAi(AiProperties properties) {
		return ContentAi.from(properties, System::getenv, Clock.systemUTC());
	}

}
