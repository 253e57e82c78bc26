/**
 * Test support: each test JVM gets its own database on the real PostgreSQL, tokens come
 * from a local issuer with a real JWKS endpoint, the house rules are checked with
 * ArchUnit, and malformed requests that ordinary clients refuse go out over a raw socket.
 */
@NullMarked
package io.authorworks.platform.test;

import org.jspecify.annotations.NullMarked;
