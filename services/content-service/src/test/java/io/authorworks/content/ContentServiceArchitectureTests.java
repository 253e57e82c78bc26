package io.authorworks.content;

import java.util.Set;

import io.authorworks.platform.test.HouseRules;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Feature packages stay honest: no cycles between them, no reaching into another
 * feature's internals, and the house rules hold.
 */
class ContentServiceArchitectureTests {

	/**
	 * Application services that still run their own SQL inside their business
	 * transaction. Each is a debt, not a pattern: move its statements into the feature's
	 * repository when the class is next changed, and take it off this list (the house
	 * rules fail when a listed class no longer runs SQL, so the list only shrinks).
	 */
	private static final Set<String> SQL_OUTSIDE_REPOSITORIES = Set.of("io.authorworks.content.assist.Assists",
			"io.authorworks.content.bible.StoryBibles", "io.authorworks.content.book.BookCatalog",
			"io.authorworks.content.generation.SpendLimit", "io.authorworks.content.member.BookAccess",
			"io.authorworks.content.member.Memberships", "io.authorworks.content.moderation.Takedowns",
			"io.authorworks.content.publishing.Publishing", "io.authorworks.content.series.SeriesCatalog");

	@Test
	void modulesAreWellFormed() {
		ApplicationModules.of(ContentServiceApplication.class).verify();
	}

	@Test
	void houseRulesHold() {
		HouseRules.check(ContentServiceApplication.class, SQL_OUTSIDE_REPOSITORIES);
	}

}
