package io.authorworks.gateway;

import io.authorworks.platform.test.HouseRules;
import org.junit.jupiter.api.Test;

/**
 * The platform's house rules hold for the gateway's classes.
 */
class HouseRulesTests {

	@Test
	void followsTheHouseRules() {
		HouseRules.check(ApiGatewayApplication.class);
	}

}
