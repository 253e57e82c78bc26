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
		// content-ai and content-store are libraries under this service's package name,
		// not
		// of
		// its feature modules.
		ApplicationModules
			.of(ContentServiceApplication.class,
					com.tngtech.archunit.core.domain.JavaClass.Predicates
						.resideInAnyPackage("io.authorworks.content.ai..", "io.authorworks.content.store.."))
			.verify();
	}

	@Test
	void houseRulesHold() {
		HouseRules.check(ContentServiceApplication.class);
	}

}
