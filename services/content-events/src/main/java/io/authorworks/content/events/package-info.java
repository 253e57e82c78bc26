/**
 * Events published by the content-service on the {@code content.events} exchange.
 */
@NullMarked
package io.authorworks.content.events;

import org.jspecify.annotations.NullMarked;
