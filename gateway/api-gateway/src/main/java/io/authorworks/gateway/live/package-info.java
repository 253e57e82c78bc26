/**
 * Live channels through the gateway: the browser's WebSocket is ended here and relayed,
 * message by message, to the owning service's channel, opened with the session's access
 * token; the gateway closes it when the session ends.
 */
@NullMarked
package io.authorworks.gateway.live;

import org.jspecify.annotations.NullMarked;
