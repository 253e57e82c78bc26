/**
 * The web app's backend-for-frontend: OIDC sign-in as a confidential client, the session
 * that keeps the tokens server-side, CSRF protection, token relay and sign-out.
 */
@NullMarked
package io.authorworks.gateway.bff;

import org.jspecify.annotations.NullMarked;
