package io.authorworks.platform.core;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformEnvironmentPostProcessorTests {

	@Test
	void urlFormDatabaseUrlBecomesJdbcSettings() {
		StandardEnvironment environment = environment(
				Map.of("DATABASE_URL", "postgresql://users_svc:p%40ss@db.internal:6432/authorworks?sslmode=require"));
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://db.internal:6432/authorworks?sslmode=require");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("users_svc");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("p@ss");
	}

	@Test
	void jdbcDatabaseUrlIsUsedAsIs() {
		StandardEnvironment environment = environment(Map.of("DATABASE_URL", "jdbc:postgresql://h:5432/x"));
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://h:5432/x");
	}

	@Test
	void serviceSettingsWinOverPlatformDefaults() {
		StandardEnvironment environment = environment(Map.of("management.tracing.sampling.probability", "0.5"));
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.5");
		assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
	}

	@Test
	void jsonLogsUnlessTextIsAskedFor() {
		assertThat(environment(Map.of()).getProperty("logging.structured.format.console")).isEqualTo("logstash");
		assertThat(environment(Map.of("LOG_FORMAT", "text")).getProperty("logging.structured.format.console")).isNull();
	}

	@Test
	void otlpExportOnlyWhenAnEndpointIsGiven() {
		assertThat(environment(Map.of()).getProperty("management.tracing.export.enabled")).isNull();
		assertThat(environment(Map.of()).getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
		StandardEnvironment withCollector = environment(
				Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"));
		assertThat(withCollector.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
			.isEqualTo("http://collector:4318/v1/traces");
		assertThat(withCollector.getProperty("management.tracing.export.enabled")).isNull();
		assertThat(withCollector.getProperty("management.otlp.metrics.export.url"))
			.isEqualTo("http://collector:4318/v1/metrics");
	}

	private static StandardEnvironment environment(Map<String, Object> settings) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
		new PlatformEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
