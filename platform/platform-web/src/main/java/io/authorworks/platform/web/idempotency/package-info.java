/**
 * Idempotency-Key for unsafe requests: a retried request with the same key and body gets
 * the first answer again instead of doing the work twice. Opt-in per deployable with
 * {@code authorworks.web.idempotency.enabled=true}.
 */
@NullMarked
package io.authorworks.platform.web.idempotency;

import org.jspecify.annotations.NullMarked;
