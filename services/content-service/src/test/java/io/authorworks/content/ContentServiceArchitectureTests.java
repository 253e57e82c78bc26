package io.authorworks.content;

import io.authorworks.platform.test.HouseRules;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Feature packages stay honest: no cycles between them, no reaching into another
 * feature's internals, and the house rules hold.
 */
class ContentServiceArchitectureTests {

	@Test
	void modulesAreWellFormed() {
		ApplicationModules.of(ContentServiceApplication.class).verify();
	}

	@Test
	void houseRulesHold() {
		HouseRules.check(ContentServiceApplication.class);
	}

}
