package io.authorworks.gateway.ratelimit;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Wires the Redis-backed rate limits in: the budget of rejected bearer calls right before
 * Spring Security, the others right after it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "authorworks.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	RedisRateLimits redisRateLimits(LettuceConnectionFactory connectionFactory, RateLimitProperties properties) {
		return new RedisRateLimits(connectionFactory, properties.keyPrefix());
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RedisRateLimits limits, RateLimitProperties properties) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(limits, properties));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RejectedCallsFilter> rejectedCallsFilter(RedisRateLimits limits,
			RateLimitProperties properties) {
		FilterRegistrationBean<RejectedCallsFilter> registration = new FilterRegistrationBean<>(
				new RejectedCallsFilter(limits, properties));
		// Before Spring Security, so a spent budget is refused before any token is
		// checked.
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
