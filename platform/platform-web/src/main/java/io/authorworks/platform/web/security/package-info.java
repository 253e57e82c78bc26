/**
 * Security defaults every service shares: JWT validation against the issuer's keys, roles
 * and scopes, the caller of a request, public endpoints and service-to-service tokens.
 */
@NullMarked
package io.authorworks.platform.web.security;

import org.jspecify.annotations.NullMarked;
