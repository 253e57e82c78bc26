package io.authorworks.platform.test;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * The house rules every deployable checks against its own classes: no field injection, no
 * reaching into another deployable's code, SQL only in repositories, controllers that
 * return DTOs rather than persistence rows, and controllers that use another feature only
 * through its public API.
 */
public final class HouseRules {

	private static final String CONTROLLER = "org.springframework.stereotype.Controller";

	private static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";

	private static final String EXCEPTION_HANDLER = "org.springframework.web.bind.annotation.ExceptionHandler";

	private static final String REPOSITORY = "org.springframework.stereotype.Repository";

	private static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";

	/**
	 * The class-name endings that mark a repository, as the codebase already names them.
	 */
	private static final List<String> REPOSITORY_NAMES = List.of("Repository", "Store", "Records", "Tables");

	/**
	 * Packages whose types talk to the database: JDBC itself and Spring's JDBC support.
	 */
	private static final List<String> SQL_PACKAGES = List.of("java.sql", "javax.sql", "org.springframework.jdbc");

	/** Annotations that mark a mapped persistence type, should one ever appear. */
	private static final List<String> ENTITY_ANNOTATIONS = List.of("jakarta.persistence.Entity",
			"jakarta.persistence.Table", "org.springframework.data.relational.core.mapping.Table");

	private HouseRules() {
	}

	/**
	 * Package roots whose code any deployable may use: the chassis, contracts between
	 * deployables (events, job types), plain libraries and test support. Every other
	 * {@code io.authorworks} package belongs to one deployable.
	 */
	static final List<String> SHARED_ROOTS = List.of("io.authorworks.platform.", "io.authorworks.contracts.",
			"io.authorworks.lib.", "io.authorworks.testing.");

	/** Checks every rule against the classes under the application's package. */
	public static void check(Class<?> application) {
		check(application, Set.of());
	}

	/**
	 * Checks every rule against the classes under the application's package.
	 * @param application the application class, whose package is the root checked
	 * @param sqlOutsideRepositories fully qualified names of classes that still run SQL
	 * although they are not repositories; each must still do so, so that the list only
	 * shrinks
	 */
	public static void check(Class<?> application, Set<String> sqlOutsideRepositories) {
		String root = application.getPackageName();
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(root);
		requireKnown(sqlOutsideRepositories, classes);
		CompositeArchRule.of(noFieldInjection())
			.and(noOtherDeployables(root))
			.and(controllersReturnNoEntities())
			.and(sqlOnlyInRepositories(sqlOutsideRepositories))
			.and(exceptionsStillNeeded(sqlOutsideRepositories))
			.and(controllersUseOtherFeaturesThroughTheirApi(root))
			.check(classes);
	}

	/** Fails when an exception names a class that is not there, say after a rename. */
	static void requireKnown(Set<String> exceptions, JavaClasses classes) {
		List<String> unknown = exceptions.stream().filter((name) -> !classes.contain(name)).sorted().toList();
		if (!unknown.isEmpty()) {
			throw new AssertionError("Listed as running SQL outside a repository, but there is no such class: "
					+ unknown + "; remove or correct the entries");
		}
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
					DescribedPredicate.describe("belong to another AuthorWorks deployable", (JavaClass input) -> {
						String name = input.getPackageName();
						return name.startsWith("io.authorworks.") && !name.equals(root) && !name.startsWith(root + ".")
								&& SHARED_ROOTS.stream().noneMatch(name::startsWith);
					}))
			.because("deployables share code only through the chassis, contracts and libraries");
	}

	/**
	 * No controller's handler method (a request or exception handler) returns a
	 * persistence row, whether bare or inside a generic ({@code ResponseEntity<X>},
	 * {@code List<X>}, {@code Page<X>}, arrays). A persistence row is a type declared
	 * inside a repository or inside any class that runs SQL (the {@code record BookRow}
	 * of a {@code Books} repository), or a type carrying a JPA or Spring Data mapping
	 * annotation.
	 */
	static ArchRule controllersReturnNoEntities() {
		return methods()
			.that(DescribedPredicate.describe("handle requests or exceptions in a controller",
					(JavaMethod method) -> method.getOwner().isMetaAnnotatedWith(CONTROLLER)
							&& (method.isMetaAnnotatedWith(REQUEST_MAPPING)
									|| method.isMetaAnnotatedWith(EXCEPTION_HANDLER))))
			.should(new ArchCondition<JavaMethod>("return no persistence row, not even as a type argument") {
				@Override
				public void check(JavaMethod method, ConditionEvents events) {
					for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
						if (isPersistenceRow(type)) {
							events.add(SimpleConditionEvent.violated(method,
									method.getFullName() + " returns " + method.getReturnType().getName()
											+ ", which exposes the persistence row " + type.getName()
											+ "; map it to a response record"));
						}
					}
				}
			})
			.because("REST returns DTO records, never entities, so a table can change without breaking a client")
			// Workers serve only actuator endpoints and have no controllers to check.
			.allowEmptyShould(true);
	}

	/**
	 * SQL lives in repositories. A repository is a class annotated {@code @Repository} or
	 * named {@code *Repository}, {@code *Store}, {@code *Records} or {@code *Tables};
	 * {@code @Configuration} classes may hand a {@code JdbcClient} or {@code DataSource}
	 * to the beans they build. Any other class that touches {@code java.sql},
	 * {@code javax.sql} or {@code org.springframework.jdbc} is a violation unless it is
	 * named in {@code exceptions}.
	 * @param exceptions fully qualified names of classes allowed to run SQL anyway
	 */
	static ArchRule sqlOnlyInRepositories(Set<String> exceptions) {
		return classes()
			.that(DescribedPredicate.describe("are not repositories, configuration or listed exceptions",
					(JavaClass type) -> !isRepository(outermost(type))
							&& !outermost(type).isMetaAnnotatedWith(CONFIGURATION)
							&& !exceptions.contains(outermost(type).getName())))
			.should(new ArchCondition<JavaClass>("run no SQL (java.sql, javax.sql, org.springframework.jdbc)") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					if (type != outermost(type) && runsSql(outermost(type))) {
						// Reported once, as its outermost class.
						return;
					}
					sqlDependencies(type).findFirst()
						.ifPresent((dependency) -> events.add(SimpleConditionEvent.violated(type,
								type.getName() + " runs SQL but is not a repository (" + dependency.getDescription()
										+ "); move the statement into a class annotated @Repository or named "
										+ String.join("/", REPOSITORY_NAMES.stream().map((n) -> "*" + n).toList()))));
				}
			})
			.because("a reviewer should find every statement against a table in a repository")
			.allowEmptyShould(true);
	}

	/**
	 * An exception to {@link #sqlOnlyInRepositories} that no longer runs SQL is stale.
	 */
	static ArchRule exceptionsStillNeeded(Set<String> exceptions) {
		return classes()
			.that(DescribedPredicate.describe("are listed as running SQL outside a repository",
					(JavaClass type) -> exceptions.contains(type.getName())))
			.should(new ArchCondition<JavaClass>("still run SQL and still not be a repository") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					boolean sql = runsSql(type);
					if (!sql || isRepository(type)) {
						events.add(SimpleConditionEvent.violated(type,
								type.getName() + " is listed as running SQL " + "outside a repository, but "
										+ (sql ? "it is a repository" : "it runs no SQL")
										+ "; remove it from the list"));
					}
				}
			})
			.allowEmptyShould(true);
	}

	/**
	 * A controller in feature package {@code root.a} uses feature {@code root.b} only
	 * through the public types in {@code root.b} itself, never through a type in a
	 * subpackage such as {@code root.b.internal}: the same API boundary Spring Modulith
	 * draws around an application module without named interfaces.
	 * @param root the application's root package
	 */
	static ArchRule controllersUseOtherFeaturesThroughTheirApi(String root) {
		return classes().that()
			.areMetaAnnotatedWith(CONTROLLER)
			.should(new ArchCondition<JavaClass>("use other features only through their public API") {
				@Override
				public void check(JavaClass controller, ConditionEvents events) {
					Optional<String> own = feature(root, controller.getPackageName());
					for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
						JavaClass target = dependency.getTargetClass();
						Optional<String> other = feature(root, target.getPackageName());
						if (other.isEmpty() || other.equals(own)) {
							continue;
						}
						String api = root + "." + other.get();
						if (!target.getPackageName().equals(api) || !isPublic(target)) {
							events.add(SimpleConditionEvent.violated(dependency,
									dependency.getDescription() + ", but " + target.getName()
											+ " is an internal of feature '" + other.get() + "'; use a public type of "
											+ api));
						}
					}
				}
			})
			.because("a feature's subpackages and package-private types are its own to change")
			.allowEmptyShould(true);
	}

	/** The feature a package belongs to: its first segment below the root, if any. */
	static Optional<String> feature(String root, String packageName) {
		if (!packageName.startsWith(root + ".")) {
			return Optional.empty();
		}
		String rest = packageName.substring(root.length() + 1);
		int dot = rest.indexOf('.');
		return Optional.of((dot < 0) ? rest : rest.substring(0, dot));
	}

	private static boolean isPublic(JavaClass type) {
		Optional<JavaClass> outer = Optional.of(type);
		while (outer.isPresent()) {
			if (!outer.get().getModifiers().contains(JavaModifier.PUBLIC)) {
				return false;
			}
			outer = outer.get().getEnclosingClass();
		}
		return true;
	}

	static boolean isPersistenceRow(JavaClass type) {
		JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
		if (ENTITY_ANNOTATIONS.stream().anyMatch(base::isAnnotatedWith)) {
			return true;
		}
		Optional<JavaClass> enclosing = base.getEnclosingClass();
		while (enclosing.isPresent()) {
			JavaClass outer = enclosing.get();
			if (!outer.isMetaAnnotatedWith(CONTROLLER) && (isRepository(outer) || runsSql(outer))) {
				return true;
			}
			enclosing = outer.getEnclosingClass();
		}
		return false;
	}

	static boolean isRepository(JavaClass type) {
		return type.isMetaAnnotatedWith(REPOSITORY)
				|| REPOSITORY_NAMES.stream().anyMatch(type.getSimpleName()::endsWith);
	}

	private static boolean runsSql(JavaClass type) {
		return sqlDependencies(type).findAny().isPresent();
	}

	/** A class's own SQL dependencies, in source order. */
	private static Stream<Dependency> sqlDependencies(JavaClass type) {
		return type.getDirectDependenciesFromSelf()
			.stream()
			.filter((d) -> isSqlApi(d.getTargetClass()))
			// Statements (with a line number) before field and parameter types (line 0).
			.sorted(Comparator
				.comparingInt((Dependency d) -> (d.getSourceCodeLocation().getLineNumber() > 0)
						? d.getSourceCodeLocation().getLineNumber() : Integer.MAX_VALUE)
				.thenComparing(Dependency::getDescription));
	}

	private static boolean isSqlApi(JavaClass type) {
		String name = type.getPackageName();
		return SQL_PACKAGES.stream().anyMatch((p) -> name.equals(p) || name.startsWith(p + "."));
	}

	private static JavaClass outermost(JavaClass type) {
		JavaClass outer = type;
		while (outer.getEnclosingClass().isPresent()) {
			outer = outer.getEnclosingClass().get();
		}
		return outer;
	}

}
