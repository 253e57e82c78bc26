package io.authorworks.gateway.ratelimit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Request budgets, shared by every gateway instance through Redis.
 *
 * @param enabled whether limits are enforced at all
 * @param keyPrefix prefix of the Redis keys that hold the budgets
 * @param signInPerMinute sign-in, sign-up, token and password-reset attempts per client
 * address and minute
 * @param apiPerMinute API calls per signed-in user (or client address) and minute
 * @param rejectedPerMinute bearer calls answered {@code 401} per client address and
 * minute, after which the address's bearer calls are refused unchecked
 */
@ConfigurationProperties("authorworks.gateway.rate-limit")
@Validated
public record RateLimitProperties(boolean enabled, @NotBlank String keyPrefix, @Positive int signInPerMinute,
		@Positive int apiPerMinute, @Positive int rejectedPerMinute) {

}
