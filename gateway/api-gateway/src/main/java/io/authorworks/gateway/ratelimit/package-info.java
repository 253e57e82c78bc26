/**
 * Request rate limits kept in Redis, so every gateway instance enforces the same budget.
 */
@NullMarked
package io.authorworks.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
