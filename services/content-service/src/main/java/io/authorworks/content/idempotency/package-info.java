/**
 * Idempotency-Key for POST requests: a retried request with the same key and body gets
 * the first answer again instead of doing the work twice.
 */
@NullMarked
package io.authorworks.content.idempotency;

import org.jspecify.annotations.NullMarked;
