package io.authorworks.content.generation;

import io.authorworks.contracts.content.GenerationRequested;
import io.authorworks.lib.storystore.StoryTables;
import io.authorworks.platform.events.EventTopology;
import io.authorworks.platform.events.EventsProperties;

import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.Declarables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the {@code content_generation} work queue (and its dead-letter queue) that
 * jobs are enqueued on, so a message the outbox relays is never dropped for want of a
 * queue even before a worker has started.
 */
@Configuration(proxyBeanMethods = false)
class GenerationConfiguration {

	/** The story tables this service shares with the content-worker. */
	@Bean
	StoryTables storyTables(JdbcClient jdbc, ObjectMapper mapper) {
		return new StoryTables(jdbc, mapper);
	}

	@Bean
	Declarables generationQueue(EventsProperties events) {
		return EventTopology.workQueue(GenerationRequested.QUEUE, events.brokerDeadLettering());
	}

}
