/**
 * Events published by the content-service on the {@code content.events} exchange.
 */
@NullMarked
package io.authorworks.contracts.content;

import org.jspecify.annotations.NullMarked;
