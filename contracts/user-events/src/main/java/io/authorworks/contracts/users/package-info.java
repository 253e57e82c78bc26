/**
 * Events published by the user-service on the {@code users.events} exchange.
 */
@NullMarked
package io.authorworks.contracts.users;

import org.jspecify.annotations.NullMarked;
