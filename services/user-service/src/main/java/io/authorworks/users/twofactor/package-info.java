/**
 * Optional two-factor sign-in: RFC 6238 time-based codes, one-time recovery codes, the
 * API to enrol and the second sign-in step.
 */
@NullMarked
package io.authorworks.users.twofactor;

import org.jspecify.annotations.NullMarked;
