package io.authorworks.platform.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds the platform's defaults beneath everything a service or its environment sets, and
 * reads the deployment variables of {@code docs/configuration.md} that need translating
 * ({@code DATABASE_URL} in URL form, {@code LOG_FORMAT},
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}). Each chassis module contributes a
 * {@code META-INF/authorworks/*.properties} file; files are applied in name order.
 */
public class PlatformEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String DEFAULTS = "classpath*:META-INF/authorworks/*.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> derived = new LinkedHashMap<>();
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (databaseUrl != null && (databaseUrl.startsWith("postgres://") || databaseUrl.startsWith("postgresql://"))) {
			derived.putAll(jdbcSettings(databaseUrl));
		}
		if (!"text".equalsIgnoreCase(environment.getProperty("LOG_FORMAT", "json"))) {
			derived.put("logging.structured.format.console", "logstash");
		}
		String otlp = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
		if (otlp != null && !otlp.isBlank()) {
			String base = otlp.replaceAll("/+$", "");
			derived.put("management.opentelemetry.tracing.export.otlp.endpoint", base + "/v1/traces");
			derived.put("management.otlp.metrics.export.url", base + "/v1/metrics");
			derived.put("management.opentelemetry.logging.export.otlp.endpoint", base + "/v1/logs");
		}
		else {
			// Without a collector, nothing is pushed: metrics are scraped from
			// /actuator/prometheus. Tracing itself stays on (Boot 4 ties W3C propagation
			// and
			// log correlation to it); no span exporter starts without an endpoint.
			derived.put("management.otlp.metrics.export.enabled", "false");
			derived.put("management.logging.export.otlp.enabled", "false");
		}
		// Derived settings rank above the defaults files, whose datasource entries they
		// replace.
		environment.getPropertySources().addLast(new MapPropertySource("authorworksDerived", derived));
		environment.getPropertySources().addLast(new MapPropertySource("authorworksDefaults", defaults()));
	}

	static Map<String, Object> defaults() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(DEFAULTS);
			Arrays.sort(files, Comparator.comparing((Resource file) -> String.valueOf(file.getFilename())));
			Map<String, Object> merged = new LinkedHashMap<>();
			for (Resource file : files) {
				Properties properties = PropertiesLoaderUtils.loadProperties(file);
				properties.stringPropertyNames().forEach((name) -> merged.put(name, properties.getProperty(name)));
			}
			return merged;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the platform defaults", ex);
		}
	}

	/**
	 * Turns {@code postgresql://user:pass@host:port/db?x=y} into Spring's datasource
	 * settings.
	 */
	static Map<String, Object> jdbcSettings(String url) {
		URI uri = URI.create(url);
		Map<String, Object> settings = new LinkedHashMap<>();
		String port = (uri.getPort() > 0) ? ":" + uri.getPort() : "";
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		settings.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query);
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			String user = (colon >= 0) ? userInfo.substring(0, colon) : userInfo;
			settings.put("spring.datasource.username", URLDecoder.decode(user, StandardCharsets.UTF_8));
			if (colon >= 0) {
				settings.put("spring.datasource.password",
						URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8));
			}
		}
		return settings;
	}

	@Override
	public int getOrder() {
		// After config data (application.yml) is loaded, so addLast really lands beneath
		// it.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
