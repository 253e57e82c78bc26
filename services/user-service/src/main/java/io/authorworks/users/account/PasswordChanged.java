package io.authorworks.users.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account's password was set anew (a reset by mail or a change while signed in). Every
 * other sign-in of the account ends; a change made while signed in keeps that one sign-in
 * ({@code keepSession}, the authorization its access token belongs to).
 */
public record PasswordChanged(UUID accountId, @Nullable String keepSession) {

}
