package io.authorworks.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The house rules every deployable checks against its own classes: no field injection, no
 * reaching into another deployable's code, and controllers that return DTOs rather than
 * persistence entities.
 */
public final class HouseRules {

	private HouseRules() {
	}

	/**
	 * Plain libraries that more than one deployable may use: the AI library and the story
	 * reader serve both content-service and content-worker.
	 */
	static final java.util.List<String> LIBRARIES = java.util.List.of("io.authorworks.content.ai",
			"io.authorworks.content.store");

	/** Checks every rule against the classes under the application's package. */
	public static void check(Class<?> application) {
		String root = application.getPackageName();
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(root);
		noFieldInjection().check(classes);
		noOtherDeployables(root).check(classes);
		controllersReturnNoEntities().check(classes);
	}

	static ArchRule noFieldInjection() {
		return noFields().should()
			.beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
			.orShould()
			.beAnnotatedWith("jakarta.inject.Inject")
			.because("dependencies arrive through constructors into final fields");
	}

	static ArchRule noOtherDeployables(String root) {
		return noClasses().should()
			.dependOnClassesThat(
					(com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>) new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>(
							"belong to another AuthorWorks deployable") {
						@Override
						public boolean test(com.tngtech.archunit.core.domain.JavaClass input) {
							String name = input.getPackageName();
							return name.startsWith("io.authorworks.") && !name.startsWith(root)
									&& !name.startsWith("io.authorworks.platform.") && !name.contains(".events")
									&& LIBRARIES.stream().noneMatch(name::startsWith);
						}
					})
			.because("deployables share code only through platform-*, *-events and library modules");
	}

	static ArchRule controllersReturnNoEntities() {
		return noMethods().that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
			.should()
			.haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("a persistence entity",
					(com.tngtech.archunit.core.domain.JavaClass type) -> type
						.isAnnotatedWith("org.springframework.data.relational.core.mapping.Table")))
			.because("REST returns DTO records, never entities")
			// Workers serve only actuator endpoints and have no controllers to check.
			.allowEmptyShould(true);
	}

}
