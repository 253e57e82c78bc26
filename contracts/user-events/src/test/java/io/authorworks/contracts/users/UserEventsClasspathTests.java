package io.authorworks.contracts.users;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A consumer that adds this contract gets the records and their golden samples, and not
 * the outbox that publishes them: none of the broker client, JDBC, Flyway, the PostgreSQL
 * driver or the outbox itself may reach this module's classpath, which is a superset of
 * what it hands to consumers.
 */
class UserEventsClasspathTests {

	@ParameterizedTest
	@ValueSource(strings = { "io.authorworks.platform.events.Outbox", "org.springframework.amqp.core.Message",
			"com.rabbitmq.client.Channel", "org.springframework.jdbc.core.JdbcTemplate", "org.flywaydb.core.Flyway",
			"org.postgresql.Driver" })
	void theOutboxAndItsInfrastructureStayOut(String className) {
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()));
	}

}
