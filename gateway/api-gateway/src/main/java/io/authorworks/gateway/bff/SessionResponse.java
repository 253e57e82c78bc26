package io.authorworks.gateway.bff;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What the web app may know about the browser's session: who is signed in, never their
 * tokens.
 *
 * @param authenticated whether someone is signed in
 * @param userId the user's id
 * @param username the user's unique name
 * @param displayName the name to show
 * @param roles the user's roles ({@code reader}, {@code author}, {@code admin})
 * @param csrfToken the session's CSRF token, for the {@code X-XSRF-TOKEN} header of every
 * change
 */
@Schema(description = "The browser's sign-in state.")
record SessionResponse(boolean authenticated, @Nullable String userId, @Nullable String username,
		@Nullable String displayName, @Nullable List<String> roles, @Nullable String csrfToken) {

	static SessionResponse signedOut() {
		return new SessionResponse(false, null, null, null, null, null);
	}

}
