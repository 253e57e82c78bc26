package io.authorworks.platform.web.idempotency;

import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs the {@link IdempotencyFilter} right after the security filters, so it knows who is
 * calling, in deployables that set {@code authorworks.web.idempotency.enabled}; the keys
 * go to the deployable's database unless it declares its own {@link IdempotencyStore}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("authorworks.web.idempotency.enabled")
@EnableConfigurationProperties(IdempotencyProperties.class)
@Import(IdempotencyAutoConfiguration.JdbcStoreConfiguration.class)
public class IdempotencyAutoConfiguration {

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store,
			IdempotencyProperties properties) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(store, properties.methods(), properties.paths()));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/**
	 * Imported rather than a nested {@code @Configuration}, so a component scan over this
	 * package (a test application's) cannot pick it up without the opt-in.
	 */
	@ConditionalOnClass(JdbcClient.class)
	static class JdbcStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(IdempotencyStore.class)
		JdbcIdempotencyStore idempotencyStore(JdbcClient jdbc, ObjectMapper mapper, IdempotencyProperties properties) {
			return new JdbcIdempotencyStore(jdbc, mapper, properties.retention());
		}

	}

}
