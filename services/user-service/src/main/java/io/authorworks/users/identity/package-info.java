/**
 * The OAuth2/OIDC authorization server: clients, persisted signing keys, token contents,
 * refresh token rotation with reuse detection, and the security chains.
 */
@NullMarked
package io.authorworks.users.identity;

import org.jspecify.annotations.NullMarked;
