/**
 * Data migrations that need the service's Java code, such as its word counter, and so
 * cannot be written in SQL: Flyway runs them from their beans in version order with the
 * SQL migrations under {@code db/migration}.
 */
@NullMarked
package io.authorworks.content.migration;

import org.jspecify.annotations.NullMarked;
