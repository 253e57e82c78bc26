package io.authorworks.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks tests that need the real PostgreSQL, Redis or RabbitMQ, with the JUnit tag
 * {@value #TAG}, so a developer without them running (or in a hurry) runs everything else
 * with {@code -DexcludedGroups=infrastructure}. {@link IntegrationTest} carries it; put
 * it on any other test that reaches {@link RealInfrastructure}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(Infrastructure.TAG)
public @interface Infrastructure {

	/** The JUnit tag, for {@code groups} and {@code excludedGroups}. */
	String TAG = "infrastructure";

}
