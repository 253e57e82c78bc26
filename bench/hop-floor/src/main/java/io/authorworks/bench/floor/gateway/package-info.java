/**
 * An empty gateway: one Spring Cloud Gateway route to the empty chapter service, with the
 * api-gateway's proxy client and none of its filters.
 */
package io.authorworks.bench.floor.gateway;
