package io.authorworks.users;

import java.util.Set;

import io.authorworks.platform.test.HouseRules;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Feature packages stay honest: no cycles between them, and the house rules hold.
 */
class UserServiceArchitectureTests {

	/**
	 * Classes that run SQL without being repositories. {@code SigningKeys} and
	 * {@code RotatingRefreshTokens} implement Spring Security storage interfaces
	 * ({@code JWKSource}, {@code OAuth2AuthorizationService}) over their own tables, so
	 * the interface is their repository contract. {@code Profiles} is a debt: its
	 * statements belong in a repository when it is next changed (the house rules fail
	 * when a listed class no longer runs SQL, so the list only shrinks).
	 */
	private static final Set<String> SQL_OUTSIDE_REPOSITORIES = Set.of("io.authorworks.users.identity.SigningKeys",
			"io.authorworks.users.identity.RotatingRefreshTokens", "io.authorworks.users.profile.Profiles");

	@Test
	void modulesAreWellFormed() {
		ApplicationModules.of(UserServiceApplication.class).verify();
	}

	@Test
	void houseRulesHold() {
		HouseRules.check(UserServiceApplication.class, SQL_OUTSIDE_REPOSITORIES);
	}

}
