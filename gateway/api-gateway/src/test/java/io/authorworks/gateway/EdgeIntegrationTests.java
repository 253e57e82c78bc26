package io.authorworks.gateway;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway answers itself: security headers, the web app with its history
 * fallback, the API documentation index, metrics and readiness.
 */
class EdgeIntegrationTests extends GatewayIntegrationTests {

	@Autowired
	HealthEndpoint health;

	@Test
	void responsesCarryTheSecurityHeaders() {
		HttpResponse<String> response = get("/", "Accept", "text/html");

		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
	}

	@Test
	void apiProblemsCarryTheSecurityHeadersToo() {
		HttpResponse<String> response = get("/api/users/me");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
	}

	@Test
	void theHomePageIsTheWebApp() {
		HttpResponse<String> response = get("/");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(response.body()).contains("<title>AuthorWorks</title>")
			.contains("<div id=\"root\"></div>")
			.contains("src=\"/theme-init.js\"")
			.contains("href=\"/bff/login\"")
			.contains("href=\"/signup\"");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
	}

	@Test
	void browserNavigationsToAppRoutesGetTheWebApp() {
		for (String route : List.of("/books/42/chapters/3", "/books/42/bible", "/books/new", "/read/42/7",
				"/settings")) {
			HttpResponse<String> response = get(route, "Accept",
					"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

			assertThat(response.statusCode()).as(route).isEqualTo(200);
			assertThat(response.body()).as(route).contains("<title>AuthorWorks</title>").contains("<div id=\"root\">");
		}
	}

	@Test
	void staticFilesAreServedAsThemselves() {
		HttpResponse<String> script = get("/theme-init.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");

		HttpResponse<String> icon = get("/favicon.svg");
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
	}

	@Test
	void theAppsHashedAssetsAreCachedForAYear() {
		Matcher asset = Pattern.compile("/assets/[A-Za-z0-9_.-]+\\.(?:js|css)").matcher(get("/").body());
		assertThat(asset.find()).as("the index page links its built assets").isTrue();

		HttpResponse<String> response = get(asset.group(), "Accept", "*/*");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000")
			.contains("immutable");
	}

	@Test
	void missingFilesAndNonPageRequestsAreNotFoundProblems() {
		HttpResponse<String> script = get("/assets/missing.js", "Accept", "*/*");
		assertThat(script.statusCode()).isEqualTo(404);
		assertThat(script.body()).contains("https://authorworks.dev/problems/not-found");

		HttpResponse<String> json = get("/books/42", "Accept", "application/json");
		assertThat(json.statusCode()).isEqualTo(404);

		HttpResponse<String> gatewayPath = get("/bff/nothing", "Accept", "text/html");
		assertThat(gatewayPath.body()).doesNotContain("<title>AuthorWorks</title>");
	}

	@Test
	void theApiDocumentationIndexListsEachService() {
		HttpResponse<String> config = get("/v3/api-docs/swagger-config");

		assertThat(config.body()).contains("\"url\":\"/api-docs/users\"")
			.contains("\"url\":\"/api-docs/storage\"")
			.contains("\"url\":\"/v3/api-docs\"")
			.doesNotContain("/api-docs/media");
		assertThat(get("/api-docs").headers().firstValue("Location").orElseThrow()).endsWith("/swagger-ui/index.html");
		assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	@Test
	void theGatewaysOwnDocumentDescribesTheBrowserSessionEndpoints() {
		HttpResponse<String> document = get("/v3/api-docs");

		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.body()).contains("\"/bff/session\"").contains("\"/bff/login\"").contains("\"/bff/logout\"");
	}

	@Test
	void requestLatencyIsMeasuredAsAHistogram() {
		get("/bff/session");

		HttpResponse<String> metrics = get("/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_bucket{").contains("uri=\"/bff/session\"");
	}

	@Test
	void readinessIncludesRedis() {
		assertThat(get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
		HealthDescriptor readiness = this.health.healthForPath("readiness");
		assertThat(readiness).isInstanceOfSatisfying(CompositeHealthDescriptor.class,
				(group) -> assertThat(group.getComponents()).containsKey("redis"));
	}

}
