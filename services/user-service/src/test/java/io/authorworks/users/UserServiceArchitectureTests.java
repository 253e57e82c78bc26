package io.authorworks.users;

import io.authorworks.platform.test.HouseRules;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Feature packages stay honest: no cycles between them, and the house rules hold.
 */
class UserServiceArchitectureTests {

	@Test
	void modulesAreWellFormed() {
		ApplicationModules.of(UserServiceApplication.class).verify();
	}

	@Test
	void houseRulesHold() {
		HouseRules.check(UserServiceApplication.class);
	}

}
