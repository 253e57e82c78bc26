/**
 * Live channels: WebSocket endpoints a service offers behind the gateway, authenticated
 * at the upgrade by the service's bearer-token security like any other endpoint.
 */
@NullMarked
package io.authorworks.platform.web.live;

import org.jspecify.annotations.NullMarked;
