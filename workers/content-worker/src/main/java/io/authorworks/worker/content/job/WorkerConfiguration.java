package io.authorworks.worker.content.job;

import java.nio.charset.StandardCharsets;

import io.authorworks.contracts.content.GenerationRequested;
import io.authorworks.contracts.content.jobs.JobChannels;
import io.authorworks.platform.events.EventTopology;
import io.authorworks.platform.events.EventsProperties;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The work queue with its dead-letter queue, a listener container with manual
 * acknowledgements and a prefetch equal to the concurrency (so a worker never holds
 * messages it is not running), and the cancellation channel.
 */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

	static final String LISTENER_FACTORY = "generationListenerFactory";

	@Bean
	Declarables generationQueue(EventsProperties events) {
		return EventTopology.workQueue(GenerationRequested.QUEUE, events.brokerDeadLettering());
	}

	@Bean(LISTENER_FACTORY)
	SimpleRabbitListenerContainerFactory generationListenerFactory(ConnectionFactory connectionFactory,
			WorkerProperties properties) {
		SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
		factory.setConnectionFactory(connectionFactory);
		factory.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		factory.setPrefetchCount(properties.concurrency());
		factory.setConcurrentConsumers(properties.concurrency());
		factory.setMaxConcurrentConsumers(properties.concurrency());
		factory.setDefaultRequeueRejected(false);
		// Jobs run for minutes: give a running job time to reach a step boundary on
		// shutdown; whatever is unfinished is redelivered and resumes.
		factory.setObservationEnabled(true);
		// Take jobs only once the application is ready (see startTakingJobs).
		factory.setAutoStartup(false);
		return factory;
	}

	/**
	 * Starts the job listeners when the application is ready, not while the context is
	 * still refreshing. Listener containers otherwise start before the context-refreshed
	 * event on which tracing hooks its log context in: a message waiting in the queue (a
	 * job handed back by a worker that died) was then taken at once, and what the job
	 * logged first carried no trace id. A worker that is not ready should not take work
	 * anyway.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> startTakingJobs(RabbitListenerEndpointRegistry listeners) {
		return (event) -> listeners.getListenerContainers().forEach(MessageListenerContainer::start);
	}

	@Bean
	RedisMessageListenerContainer cancellationListener(RedisConnectionFactory connectionFactory,
			Cancellations cancellations) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		container.addMessageListener(
				(message, pattern) -> JobChannels.cancelledJob(new String(message.getBody(), StandardCharsets.UTF_8))
					.ifPresent(cancellations::cancel),
				new ChannelTopic(JobChannels.CANCEL));
		return container;
	}

}
