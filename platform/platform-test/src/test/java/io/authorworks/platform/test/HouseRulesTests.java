package io.authorworks.platform.test;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each house rule passes on a small application that keeps it and fails, naming the
 * culprit, on one that breaks it.
 */
class HouseRulesTests {

	private static final String GOOD = "io.authorworks.platform.test.houserules.good";

	private static final String BAD = "io.authorworks.platform.test.houserules.bad";

	private static final JavaClasses GOOD_CLASSES = new ClassFileImporter().importPackages(GOOD);

	private static final JavaClasses BAD_CLASSES = new ClassFileImporter().importPackages(BAD);

	@Test
	void controllersReturnNoEntitiesFailsOnARowInsideGenericsOrAnArray() {
		ArchRule rule = HouseRules.controllersReturnNoEntities();
		assertThat(violations(rule, GOOD_CLASSES)).isEmpty();
		assertThat(violations(rule, BAD_CLASSES)).hasSize(2)
			.anySatisfy((line) -> assertThat(line).contains("BookController.list()")
				.contains("ResponseEntity<java.util.List<" + BAD + ".book.Books$BookRow>>")
				.contains("exposes the persistence row " + BAD + ".book.Books$BookRow"))
			.anySatisfy((line) -> assertThat(line).contains("BookController.array()"));
	}

	@Test
	void sqlOnlyInRepositoriesFailsOnAServiceThatRunsSql() {
		assertThat(violations(HouseRules.sqlOnlyInRepositories(Set.of()), GOOD_CLASSES)).isEmpty();
		assertThat(violations(HouseRules.sqlOnlyInRepositories(Set.of()), BAD_CLASSES)).singleElement()
			.satisfies((line) -> assertThat(line).startsWith(BAD + ".book.BookCatalog runs SQL but is not a repository")
				.contains("BookCatalog.rename(java.lang.String)> calls method <")
				.contains("(BookCatalog.java:23)"));
		assertThat(violations(HouseRules.sqlOnlyInRepositories(Set.of(BAD + ".book.BookCatalog")), BAD_CLASSES))
			.isEmpty();
	}

	@Test
	void anExceptionThatNoLongerRunsSqlFails() {
		assertThat(violations(HouseRules.exceptionsStillNeeded(Set.of(BAD + ".book.BookCatalog")), BAD_CLASSES))
			.isEmpty();
		assertThat(violations(HouseRules.exceptionsStillNeeded(Set.of(BAD + ".book.internal.BookIndex")), BAD_CLASSES))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("BookIndex is listed as running SQL")
				.contains("it runs no SQL; remove it from the list"));
	}

	@Test
	void anExceptionNamingNoClassFails() {
		HouseRules.requireKnown(Set.of(BAD + ".book.BookCatalog"), BAD_CLASSES);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> HouseRules.requireKnown(Set.of(BAD + ".book.BookCatalogue"), BAD_CLASSES))
			.withMessageContaining("there is no such class: [" + BAD + ".book.BookCatalogue]");
	}

	@Test
	void controllersUseOtherFeaturesThroughTheirApiFailsOnAnotherFeaturesSubpackage() {
		assertThat(violations(HouseRules.controllersUseOtherFeaturesThroughTheirApi(GOOD), GOOD_CLASSES)).isEmpty();
		assertThat(violations(HouseRules.controllersUseOtherFeaturesThroughTheirApi(BAD), BAD_CLASSES)).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains(BAD + ".chapter.ChapterController")
				.contains(BAD + ".book.internal.BookIndex is an internal of feature 'book'")
				.contains("use a public type of " + BAD + ".book"));
	}

	@Test
	void noOtherDeployablesFailsOnAnotherDeployablesPackageButNotOnASharedRoot() {
		String reader = "io.authorworks.fixture.reader";
		JavaClasses classes = new ClassFileImporter().importPackages(reader);
		assertThat(violations(HouseRules.noOtherDeployables(reader), classes)).hasSize(2)
			.allSatisfy((line) -> assertThat(line).contains(reader + ".Shelf"))
			.anySatisfy((line) -> assertThat(line).contains("io.authorworks.fixture.writer.WriterApi"))
			.anySatisfy((line) -> assertThat(line).contains("io.authorworks.fixture.readerclub.ClubApi"))
			.noneSatisfy((line) -> assertThat(line).contains(reader + ".Catalog"));
	}

	@Test
	void featureIsTheFirstPackageBelowTheRoot() {
		assertThat(HouseRules.feature("a.b", "a.b.book.internal")).contains("book");
		assertThat(HouseRules.feature("a.b", "a.b")).isEmpty();
		assertThat(HouseRules.feature("a.b", "a.bc.book")).isEmpty();
	}

	private static List<String> violations(ArchRule rule, JavaClasses classes) {
		return rule.evaluate(classes).getFailureReport().getDetails();
	}

}
