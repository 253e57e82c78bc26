package io.authorworks.platform.web.security;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when this deployable has client-credentials settings to call other services with.
 */
class ServiceClientConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		return hasText(environment.getProperty("authorworks.service-client.client-id"))
				&& hasText(environment.getProperty("authorworks.service-client.client-secret"))
				&& hasText(environment.getProperty("authorworks.service-client.token-uri"));
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
