package io.authorworks.platform.web;

import java.util.Map;

import io.authorworks.platform.test.RawHttp;
import io.authorworks.platform.web.security.PublicEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Tomcat, Spring Security's firewall or the query check refuse are answered
 * with problem documents, never an HTML page. Sent with {@link RawHttp}, so nothing on
 * the client side cleans them up first and Tomcat's own refusal path runs.
 */
@SpringBootTest(classes = EdgeProblemsIntegrationTests.TestApp.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "LOG_FORMAT=text")
class EdgeProblemsIntegrationTests {

	@LocalServerPort
	int port;

	@MockitoBean
	JwtDecoder jwtDecoder;

	@ParameterizedTest
	@ValueSource(strings = {
			// Characters Tomcat refuses in a request line.
			"/edge?genre=a|b", "/edge?genre=[x]", "/edge?genre={x}", "/edge?genre=\"x\"", "/edge?genre=a^b",
			"/edge?genre=a\\b", "/edge?genre=a`b", "/edge?genre=<b", "/edge|", "/edge{}",
			// Encoded slash and NUL in a path segment.
			"/edge-things/a%2Fb", "/edge-things/a%00b",
			// What Spring Security's firewall refuses.
			"/edge;x=1", "/edge-things/a%25b", "/edge-things/%2e%2e/edge",
			// Queries that cannot be decoded, or decode to control characters.
			"/edge?genre=%zz", "/edge?genre=%", "/edge?genre=a%", "/edge?genre=%00", "/edge?genre=a%0Ab",
			"/edge?genre=%C3%28", "/edge?%00=x" })
	void malformedAddressesAreBadRequestProblems(String target) {
		assertBadRequestProblem(http().send("GET", target, Map.of()), target);
	}

	@ParameterizedTest
	@ValueSource(strings = { "header", "query" })
	void oversizeHeadersAndQueriesAreBadRequestProblems(String where) {
		String huge = "k".repeat(10_000);
		RawHttp.Response response = where.equals("header")
				? http().send("GET", "/edge", Map.of("Idempotency-Key", huge))
				: http().send("GET", "/edge?cursor=" + huge, Map.of());
		assertBadRequestProblem(response, where);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/edge?genre=a=b", "/edge?genre=abc%3D%3D&cursor=YWJj==", "/edge?genre=sci+fi",
			"/edge?genre=%C3%A9t%C3%A9", "/edge?genre=" })
	void wellFormedQueriesStillWork(String target) {
		assertThat(http().send("GET", target, Map.of()).status()).as(target).isEqualTo(200);
	}

	private static void assertBadRequestProblem(RawHttp.Response response, String what) {
		assertThat(response.status()).as(what).isEqualTo(400);
		assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
		assertThat(response.header("X-Request-Id")).as(what).isNotNull();
		assertThat(response.body()).as(what)
			.contains("\"type\":\"https://authorworks.dev/problems/bad-request\"")
			.contains("\"status\":400")
			.contains("\"requestId\":");
		assertThat(response.headers() + "\n" + response.body()).as(what)
			.doesNotContain("<html")
			.doesNotContain("Tomcat")
			.doesNotContain("Exception");
	}

	private RawHttp http() {
		return new RawHttp("http://127.0.0.1:" + this.port);
	}

	@SpringBootApplication
	@Import(EdgeController.class)
	static class TestApp {

	}

	@RestController
	static class EdgeController {

		@PublicEndpoint
		@GetMapping("/edge")
		Map<String, Object> edge(@RequestParam(required = false) String genre) {
			return Map.of("genre", String.valueOf(genre));
		}

		@PublicEndpoint
		@GetMapping("/edge-things/{id}")
		Map<String, Object> thing(@PathVariable String id) {
			return Map.of("id", id);
		}

	}

}
