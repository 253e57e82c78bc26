package io.authorworks.content.author;

import io.authorworks.platform.events.api.EventEnvelope;
import io.authorworks.platform.events.EventTopology;
import io.authorworks.platform.events.EventsProperties;
import io.authorworks.contracts.users.UserProfileUpdated;
import io.authorworks.contracts.users.UserRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@link AuthorNames} up to date from the user-service's {@code user.registered}
 * and {@code user.profile-updated} events, on this service's own queue. Applying an event
 * twice, or an older one after a newer one, changes nothing, so no inbox is needed.
 */
@Configuration(proxyBeanMethods = false)
class UserEventsListener {

	static final String QUEUE = "content.users.author-names";

	private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);

	private final AuthorNames names;

	private final ObjectMapper mapper;

	UserEventsListener(AuthorNames names, ObjectMapper mapper) {
		this.names = names;
		this.mapper = mapper;
	}

	@Bean
	static Declarables authorNamesSubscription(EventsProperties events) {
		return EventTopology.subscription(events.brokerDeadLettering(), "content", "users", "author-names",
				UserRegistered.TYPE, UserProfileUpdated.TYPE);
	}

	@RabbitListener(queues = QUEUE)
	void on(Message message) {
		EventEnvelope event = this.mapper.readValue(message.getBody(), EventEnvelope.class);
		switch (event.type()) {
			case UserRegistered.TYPE -> {
				UserRegistered registered = event.dataAs(this.mapper, UserRegistered.class);
				this.names.registered(registered.userId(), registered.displayName());
			}
			case UserProfileUpdated.TYPE -> {
				UserProfileUpdated updated = event.dataAs(this.mapper, UserProfileUpdated.class);
				this.names.profileUpdated(updated.userId(), updated.version(), updated.displayName());
			}
			default -> log.debug("Ignoring a {} event on {}", event.type(), QUEUE);
		}
	}

}
