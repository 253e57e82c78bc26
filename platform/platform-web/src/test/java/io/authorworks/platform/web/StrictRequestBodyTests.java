package io.authorworks.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static io.authorworks.platform.web.ProblemResponsesTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Every request body is read strictly and its text checked once, in the chassis: wrong
 * JSON types, unknown fields, repeated keys, control characters, lone surrogates and
 * bytes that are not UTF-8 never reach a controller.
 */
@SpringBootTest(classes = StrictRequestBodyTests.TestApp.class, properties = { "LOG_FORMAT=text" })
@AutoConfigureMockMvc
class StrictRequestBodyTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	JwtDecoder jwtDecoder;

	@Test
	void wellTypedBodiesAreReadAsSent() {
		MvcTestResult result = json("/books",
				"{\"title\":\"Tides \\ud83c\\udf0a\",\"genres\":[\"sea\"],\"position\":2,\"ratio\":1,\"draft\":true,"
						+ "\"kind\":\"novel\",\"links\":{\"site\":\"https://example.test\"},\"notes\":\"a\\tb\\r\\nc\"}");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Tides \ud83c\udf0a");
		assertThat(result).bodyJson().extractingPath("$.ratio").isEqualTo(1.0);
	}

	@Test
	void valuesOfTheWrongTypeAreRefusedNamingTheField() {
		Map<String, String> wrong = Map.of("{\"title\":123}", "title", "{\"title\":true}", "title", "{\"title\":1.5}",
				"title", "{\"genres\":[1,2]}", "genres[0]", "{\"position\":1.5}", "position", "{\"position\":\"2\"}",
				"position", "{\"draft\":1}", "draft", "{\"draft\":\"true\"}", "draft", "{\"kind\":0}", "kind");
		wrong.forEach((body, field) -> {
			MvcTestResult result = json("/books", body);
			assertProblem(result, 400, "malformed-body");
			assertThat(result).as(body).bodyJson().extractingPath("$.detail").asString().contains("'" + field + "'");
		});
	}

	@Test
	void unknownFieldsAreRefused() {
		MvcTestResult result = json("/books", "{\"title\":\"x\",\"position\":1,\"colour\":\"red\"}");
		assertProblem(result, 400, "malformed-body");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Field 'colour' is not part of this request.");
	}

	@Test
	void aRepeatedKeyIsRefusedNamingTheField() {
		MvcTestResult result = json("/books", "{\"title\":\"a\",\"title\":\"b\"}");
		assertProblem(result, 400, "malformed-body");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("'title'");
		MvcTestResult nested = json("/preferences", "{\"a\":{\"x\":1,\"x\":2}}");
		assertProblem(nested, 400, "malformed-body");
		assertThat(nested).bodyJson().extractingPath("$.detail").asString().contains("'a.x'");
	}

	@Test
	void controlCharactersAndLoneSurrogatesAreRefusedInEveryStringAndKey() {
		Map<String, String> refused = Map.of("{\"title\":\"a\\u0000b\"}", "title", "{\"notes\":\"bell\\u0007\"}",
				"notes", "{\"title\":\"\\ud800\"}", "title", "{\"genres\":[\"ok\",\"x\\udc00\"]}", "genres[1]",
				"{\"links\":{\"site\\u0000\":\"https://example.test\"}}", "links");
		refused.forEach((body, field) -> {
			MvcTestResult result = json("/books", body);
			assertProblem(result, 422, "validation-failed");
			assertThat(result).as(body).bodyJson().extractingPath("$.violations[0].field").isEqualTo(field);
		});
		// A raw JSON tree (preferences) goes through the same check.
		MvcTestResult tree = json("/preferences", "{\"theme\":{\"name\":\"dark\\u0000\"}}");
		assertProblem(tree, 422, "validation-failed");
		assertThat(tree).bodyJson().extractingPath("$.violations[0].field").isEqualTo("theme.name");
	}

	@Test
	void bytesThatAreNotUtf8AreRefusedInJsonAndTextBodies() {
		byte[] json = { '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'C', 'h', (byte) 0xC3, 0x28, '"', '}' };
		assertProblem(this.mvc.post()
			.uri("/books")
			.with(user())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange(), 400, "malformed-body");
		byte[] surrogate = { '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80,
				'"', '}' };
		assertProblem(this.mvc.post()
			.uri("/books")
			.with(user())
			.contentType(MediaType.APPLICATION_JSON)
			.content(surrogate)
			.exchange(), 400, "malformed-body");
		assertProblem(markdown(new byte[] { '#', ' ', 'C', 'h', (byte) 0xC3, 0x28 }), 400, "malformed-body");
		assertProblem(markdown(new byte[] { (byte) 0xFF, (byte) 0xFE, 'h', 0, 'i', 0 }), 400, "malformed-body");
	}

	@Test
	void textBodiesFollowTheSameRuleAsJsonStrings() {
		MvcTestResult nul = markdown("# One\n\nA\u0000B".getBytes(StandardCharsets.UTF_8));
		assertProblem(nul, 422, "validation-failed");
		assertThat(nul).bodyJson().extractingPath("$.violations[0].field").isEqualTo("body");
		MvcTestResult ok = markdown("# One\r\n\n\tIndented \u00e9 \ud83d\ude00".getBytes(StandardCharsets.UTF_8));
		assertThat(ok).hasStatusOk();
		assertThat(ok).bodyText().isEqualTo("# One\r\n\n\tIndented \u00e9 \ud83d\ude00");
	}

	private MvcTestResult json(String uri, String body) {
		return this.mvc.post().uri(uri).with(user()).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult markdown(byte[] body) {
		return this.mvc.put()
			.uri("/text")
			.with(user())
			.contentType(MediaType.valueOf("text/markdown"))
			.content(body)
			.exchange();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor user() {
		return jwt().jwt((token) -> token.subject(UUID.randomUUID().toString()).claim("roles", List.of("author")));
	}

	@SpringBootApplication
	@org.springframework.context.annotation.Import(BookController.class)
	static class TestApp {

	}

	enum Kind {

		NOVEL, POEM;

		@com.fasterxml.jackson.annotation.JsonCreator
		static Kind of(String value) {
			return valueOf(value.toUpperCase(java.util.Locale.ROOT));
		}

	}

	record BookRequest(String title, List<String> genres, Integer position, Double ratio, Boolean draft, Kind kind,
			Map<String, String> links, String notes) {
	}

	@RestController
	static class BookController {

		@PostMapping("/books")
		BookRequest create(@RequestBody BookRequest request) {
			return request;
		}

		@PostMapping("/preferences")
		JsonNode preferences(@RequestBody JsonNode value) {
			return value;
		}

		@PutMapping(path = "/text", consumes = "text/markdown", produces = "text/plain")
		String text(@RequestBody String content) {
			return content;
		}

	}

}
