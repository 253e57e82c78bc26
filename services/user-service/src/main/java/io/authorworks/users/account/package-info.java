/**
 * Accounts: sign-up, email verification, password reset, sign-in with lockout, and the
 * server-rendered pages for them.
 */
@NullMarked
package io.authorworks.users.account;

import org.jspecify.annotations.NullMarked;
