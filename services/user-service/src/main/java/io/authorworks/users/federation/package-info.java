/**
 * "Sign in with" an external OpenID Connect provider: linking its people to accounts
 * through verified emails, creating accounts for newcomers, and signing them in as their
 * local account.
 */
@NullMarked
package io.authorworks.users.federation;

import org.jspecify.annotations.NullMarked;
