package io.authorworks.platform.web.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.authorworks.platform.core.Ids;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, taken only from a validated token: a signed-in user, or another service
 * with a client-credentials token. Controllers declare a {@link User} parameter where a
 * person is required and get a {@code 403} problem for service tokens automatically.
 */
public sealed interface Caller permits Caller.User, Caller.Service {

	/** The signed-in person behind a user token. */
	record User(UUID id, String username, Set<String> roles, Set<String> scopes) implements Caller {

		public boolean hasRole(String role) {
			return this.roles.contains(role);
		}

		public boolean isAdmin() {
			return hasRole(Roles.ADMIN);
		}

		/**
		 * Passes when the account has the role (one of {@link Roles}); otherwise a
		 * {@code 403} {@code role-required} problem that names the role, so a client can
		 * offer a way to get it.
		 */
		public void requireRole(String role) {
			if (!hasRole(role)) {
				throw new ProblemException(ProblemType.ROLE_REQUIRED, Roles.missing(role)).with("role", role);
			}
		}

		/**
		 * Passes when this user owns the resource or is an admin; otherwise answers as if
		 * the resource did not exist, so nobody learns about other people's private
		 * things.
		 */
		public void requireOwner(UUID ownerId, Supplier<? extends NotFoundException> notFound) {
			if (!this.id.equals(ownerId) && !isAdmin()) {
				throw notFound.get();
			}
		}

	}

	/** Another deployable, calling with a client-credentials token. */
	record Service(String clientId, Set<String> scopes) implements Caller {

	}

	/** Reads the caller from an authentication made by the resource server. */
	static Caller from(@Nullable Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			throw new ProblemException(ProblemType.UNAUTHENTICATED, "Sign in, or send a valid bearer token.");
		}
		Jwt jwt = token.getToken();
		Set<String> scopes = Set.copyOf(listClaim(jwt, "scope"));
		List<String> roles = jwt.getClaimAsStringList(JwtAuthorities.ROLES_CLAIM);
		UUID userId = (jwt.getSubject() != null) ? Ids.parseOrNull(jwt.getSubject()) : null;
		if (roles != null && userId != null) {
			String username = jwt.getClaimAsString("preferred_username");
			return new User(userId, (username != null) ? username : "", Set.copyOf(roles), scopes);
		}
		return new Service((jwt.getSubject() != null) ? jwt.getSubject() : "", scopes);
	}

	private static Collection<String> listClaim(Jwt jwt, String name) {
		Object value = jwt.getClaims().get(name);
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		if (value instanceof String text && !text.isBlank()) {
			return List.of(text.split(" "));
		}
		return List.of();
	}

	/** The user, or a {@code 403} problem when the caller is a service. */
	static User requireUser(@Nullable Authentication authentication) {
		if (authentication == null) {
			throw new ProblemException(ProblemType.UNAUTHENTICATED, "Sign in, or send a valid bearer token.");
		}
		if (from(authentication) instanceof User user) {
			return user;
		}
		throw new ProblemException(ProblemType.FORBIDDEN, "This needs a signed-in user; service tokens cannot use it.");
	}

}
