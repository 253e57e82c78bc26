/**
 * Test support: each test JVM gets its own database on the real PostgreSQL, tokens come
 * from a local issuer with a real JWKS endpoint, and the house rules are checked with
 * ArchUnit.
 */
@NullMarked
package io.authorworks.platform.test;

import org.jspecify.annotations.NullMarked;
