/**
 * Passkeys (WebAuthn): registering them, signing in with one instead of a password, and
 * managing them, on Spring Security's relying party.
 */
@NullMarked
package io.authorworks.users.passkey;

import org.jspecify.annotations.NullMarked;
