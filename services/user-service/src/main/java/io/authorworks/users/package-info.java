/**
 * The user-service: accounts, profiles and preferences, and the authorization server.
 */
@NullMarked
package io.authorworks.users;

import org.jspecify.annotations.NullMarked;
