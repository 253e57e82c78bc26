package io.authorworks.platform.events;

import java.time.Clock;
import java.util.Objects;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a service an outbox, a relay, an inbox and dead-lettering from configuration
 * alone.
 */
@AutoConfiguration(after = { RabbitAutoConfiguration.class, DataSourceAutoConfiguration.class })
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactionManager, RabbitTemplate rabbit,
			EventsProperties properties, ObjectProvider<MeterRegistry> meters, ObjectProvider<Tracer> tracer) {
		OutboxRelay relay = new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), rabbit, properties,
				tracer.getIfAvailable());
		meters.ifAvailable((registry) -> Gauge.builder("authorworks.outbox.pending", relay, OutboxRelay::pending)
			.description("Committed events not yet confirmed by the broker")
			.register(registry));
		return relay;
	}

	@Bean
	@ConditionalOnMissingBean
	Outbox outbox(JdbcClient jdbc, ObjectMapper mapper, EventsProperties properties, ObjectProvider<Tracer> tracer,
			OutboxRelay relay) {
		return new Outbox(jdbc, mapper, properties, tracer.getIfAvailable(), relay::wakeUp, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	Inbox inbox(JdbcClient jdbc) {
		return new Inbox(jdbc);
	}

	@Bean
	@ConditionalOnMissingBean(MessageRecoverer.class)
	@ConditionalOnBean(RabbitTemplate.class)
	MessageRecoverer deadLetterRecoverer(RabbitTemplate rabbit) {
		return new DeadLetterRecoverer(rabbit);
	}

	@Bean
	@ConditionalOnProperty("authorworks.events.exchange")
	Declarables producerExchange(EventsProperties properties) {
		// The condition above guarantees the exchange is set.
		return new Declarables(EventTopology.exchange(Objects.requireNonNull(properties.exchange())));
	}

}
