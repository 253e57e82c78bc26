/**
 * Administration: listing accounts, changing roles, suspending and reinstating, rotating
 * signing keys, and the account lookup other services make with their own tokens.
 */
@NullMarked
package io.authorworks.users.admin;

import org.jspecify.annotations.NullMarked;
