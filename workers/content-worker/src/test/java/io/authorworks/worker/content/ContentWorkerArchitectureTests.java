package io.authorworks.worker.content;

import io.authorworks.platform.test.HouseRules;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The worker's packages stay honest and the house rules hold.
 */
class ContentWorkerArchitectureTests {

	@Test
	void modulesAreWellFormed() {
		ApplicationModules.of(ContentWorkerApplication.class).verify();
	}

	@Test
	void houseRulesHold() {
		HouseRules.check(ContentWorkerApplication.class);
	}

}
