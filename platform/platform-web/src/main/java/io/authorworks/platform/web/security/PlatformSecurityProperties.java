package io.authorworks.platform.web.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where tokens come from and where their signing keys are published.
 *
 * @param issuer the {@code iss} every accepted token must carry (the public origin)
 * @param jwksUri where the signing keys are fetched from, usually the user-service
 * directly
 */
@Validated
@ConfigurationProperties("authorworks.security")
public record PlatformSecurityProperties(URI issuer, URI jwksUri) {
}
