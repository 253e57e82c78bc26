package io.authorworks.platform.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own URL rules, added to the resource-server chain before its final
 * "everything else needs a token" rule. Most services need none: {@link PublicEndpoint}
 * and method security cover the usual cases.
 */
@FunctionalInterface
public interface ApiAuthorizationRules {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

}
