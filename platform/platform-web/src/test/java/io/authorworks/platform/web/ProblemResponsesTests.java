package io.authorworks.platform.web;

import java.util.Map;
import java.util.UUID;

import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.web.security.Caller;
import io.authorworks.platform.web.security.PublicEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Bad input of every kind answers a problem document with the right status and a stable
 * type, never a 5xx and never internals.
 */
@SpringBootTest(classes = ProblemResponsesTests.TestApp.class,
		properties = { "authorworks.web.max-request-body=1KB", "LOG_FORMAT=text",
				"authorworks.service-client.client-id=test-service",
				"authorworks.service-client.client-secret=test-service-secret-value",
				"authorworks.service-client.token-uri=http://127.0.0.1:9/oauth2/token" })
@AutoConfigureMockMvc
class ProblemResponsesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	io.authorworks.platform.web.security.ServiceRestClients serviceClients;

	@MockitoBean
	JwtDecoder jwtDecoder;

	@Test
	void theFirewallRejectsControlCharactersInTheHeadersItReads() {
		// The bearer token resolver reads Authorization through the firewall, which
		// rejects
		// the control character before the resolver parses the token (answering 401).
		assertThat(this.mvc.get().uri("/me").header("Authorization", "Bearer abc\u0007def").exchange()).hasStatus(400);
		assertThat(this.mvc.get().uri("/me").header("Authorization", "Bearer abc def").exchange()).hasStatus(401);
	}

	@Test
	void malformedJsonIsA400ProblemWithoutInternals() {
		MvcTestResult result = this.mvc.post()
			.uri("/notes")
			.with(userToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": ")
			.exchange();
		assertProblem(result, 400, "malformed-body");
		assertThat(result).bodyText().doesNotContain("Exception").doesNotContain("tools.jackson");
	}

	@Test
	void wrongJsonTypeNamesTheField() {
		MvcTestResult result = this.mvc.post()
			.uri("/notes")
			.with(userToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": {\"nested\": true}, \"words\": \"many\"}")
			.exchange();
		assertProblem(result, 400, "malformed-body");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("'");
	}

	@Test
	void invalidFieldsAre422WithViolations() {
		MvcTestResult result = this.mvc.post()
			.uri("/notes")
			.with(userToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"\"}")
			.exchange();
		assertProblem(result, 422, "validation-failed");
		assertThat(result).bodyJson().extractingPath("$.violations[0].field").isEqualTo("title");
	}

	@Test
	void wrongPathParameterTypeIsA400() {
		assertProblem(this.mvc.get().uri("/notes/not-a-uuid").with(userToken()).exchange(), 400, "bad-request");
	}

	@Test
	void unknownRouteIsA404Problem() {
		assertProblem(this.mvc.get().uri("/nowhere").with(userToken()).exchange(), 404, "not-found");
	}

	@Test
	void theErrorPathIsNoOperation() {
		assertProblem(this.mvc.get().uri("/error").exchange(), 404, "not-found");
		assertThat(this.mvc.get().uri("/v3/api-docs").exchange()).bodyJson()
			.doesNotHavePath("$.paths['/error']")
			.doesNotHavePath("$.paths['/me'].get.parameters")
			.hasPath("$.paths['/notes/{id}'].get.responses.404");
	}

	@Test
	void wrongMethodIsA405Problem() {
		assertProblem(this.mvc.delete().uri("/notes").with(userToken()).exchange(), 405, "method-not-allowed");
	}

	@Test
	void oversizedBodyIsA413Problem() {
		String big = "{\"title\": \"" + "x".repeat(4096) + "\"}";
		MvcTestResult result = this.mvc.post()
			.uri("/notes")
			.with(userToken())
			.contentType(MediaType.APPLICATION_JSON)
			.content(big)
			.exchange();
		assertProblem(result, 413, "payload-too-large");
	}

	@Test
	void domainNotFoundKeepsItsDetail() {
		MvcTestResult result = this.mvc.get().uri("/notes/" + UUID.randomUUID()).with(userToken()).exchange();
		assertProblem(result, 404, "not-found");
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("No such note.");
	}

	@Test
	void missingTokenIsA401ProblemWithChallenge() {
		MvcTestResult result = this.mvc.get().uri("/notes/" + UUID.randomUUID()).exchange();
		assertProblem(result, 401, "unauthenticated");
		assertThat(result).hasHeader("WWW-Authenticate", "Bearer");
	}

	@Test
	void serviceTokenIsRefusedWhereAUserIsRequired() {
		MvcTestResult result = this.mvc.get()
			.uri("/me")
			.with(jwt().jwt((token) -> token.subject("content-service").claim("scope", "users.read")))
			.exchange();
		assertProblem(result, 403, "forbidden");
	}

	@Test
	void userTokenResolvesTheCaller() {
		UUID id = UUID.randomUUID();
		MvcTestResult result = this.mvc.get()
			.uri("/me")
			.with(jwt().jwt((token) -> token.subject(id.toString())
				.claim("roles", java.util.List.of("author"))
				.claim("preferred_username", "ada")))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(id.toString());
	}

	@Test
	void aConfiguredServiceIdentityGivesServiceClients() {
		assertThat(this.serviceClients.forService("http://127.0.0.1:9")).isNotNull();
	}

	@Test
	void publicEndpointNeedsNoToken() {
		assertThat(this.mvc.get().uri("/hello").exchange()).hasStatusOk();
	}

	@Test
	void everyResponseCarriesARequestIdAndKeepsAGoodOne() {
		MvcTestResult result = this.mvc.get().uri("/hello").header("X-Request-Id", "abc-12345678").exchange();
		assertThat(result).hasHeader("X-Request-Id", "abc-12345678");
		MvcTestResult generated = this.mvc.get().uri("/hello").header("X-Request-Id", "bad id with spaces").exchange();
		assertThat(generated.getResponse().getHeader("X-Request-Id")).isNotEqualTo("bad id with spaces").hasSize(36);
	}

	@Test
	void problemCarriesRequestIdAndInstance() {
		MvcTestResult result = this.mvc.get()
			.uri("/nowhere")
			.with(userToken())
			.header("X-Request-Id", "req-00000001")
			.exchange();
		assertThat(result).bodyJson().extractingPath("$.requestId").isEqualTo("req-00000001");
		assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/nowhere");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor userToken() {
		return jwt()
			.jwt((token) -> token.subject(UUID.randomUUID().toString()).claim("roles", java.util.List.of("reader")));
	}

	static void assertProblem(MvcTestResult result, int status, String slug) {
		assertThat(result).hasStatus(status);
		assertThat(result).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://authorworks.dev/problems/" + slug);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
		assertThat(result).bodyText().doesNotContain("trace").doesNotContain("at io.authorworks");
	}

	@SpringBootApplication
	@org.springframework.context.annotation.Import(NoteController.class)
	static class TestApp {

	}

	record CreateNoteRequest(@NotBlank @Size(max = 100) String title, Integer words) {
	}

	@RestController
	static class NoteController {

		@PostMapping("/notes")
		Map<String, Object> create(@Valid @RequestBody CreateNoteRequest request) {
			return Map.of("title", request.title());
		}

		@GetMapping("/notes/{id}")
		Map<String, Object> get(@PathVariable UUID id) {
			throw new NotFoundException("No such note.");
		}

		@GetMapping("/me")
		Map<String, Object> me(Caller.User user) {
			return Map.of("id", user.id().toString());
		}

		@PublicEndpoint
		@GetMapping("/hello")
		Map<String, Object> hello() {
			return Map.of("hello", "world");
		}

	}

}
