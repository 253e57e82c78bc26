/**
 * Embedded servers that speak the production protocols (PostgreSQL, Redis, AMQP 0-9-1,
 * SMTP), plus port checks and database provisioning shared with external servers.
 */
@NullMarked
package io.authorworks.launcher.engine;

import org.jspecify.annotations.NullMarked;
