package io.authorworks.platform.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method (or every method of a controller) as reachable without a token.
 * It is the one place an endpoint declares that it is public: the security chain and the
 * OpenAPI document both read it.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicEndpoint {

}
