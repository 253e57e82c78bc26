package io.authorworks.content.idempotency;

import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs the {@link IdempotencyFilter} right after the security filters, so it knows who is
 * calling.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, ObjectMapper mapper) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(jdbc, mapper));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}
