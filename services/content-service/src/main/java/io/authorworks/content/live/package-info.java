/**
 * The content-service's live channels; for now the echo channel that tests of the edge
 * use to prove a WebSocket reaches a service with the caller's identity.
 */
@NullMarked
package io.authorworks.content.live;

import org.jspecify.annotations.NullMarked;
