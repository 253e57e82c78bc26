/**
 * The route table: which paths go to which service, load-balanced across its instances,
 * with timeouts, circuit breakers and clean forwarding headers.
 */
@NullMarked
package io.authorworks.gateway.routing;

import org.jspecify.annotations.NullMarked;
