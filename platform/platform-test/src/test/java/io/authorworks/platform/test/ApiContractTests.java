package io.authorworks.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The contract checker fails on each way a service can differ from its document, against
 * a real HTTP server whose answer each test chooses.
 */
class ApiContractTests {

	static final String DOCUMENT = """
			{"openapi": "3.1.0", "paths": {
			  "/books/{bookId}": {"get": {
			    "parameters": [{"name": "bookId", "in": "path", "required": true,
			                    "schema": {"type": "string", "format": "uuid"}}],
			    "responses": {
			      "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Book"}}}},
			      "404": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
			  "/books": {"post": {
			    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Book"}}}},
			    "responses": {"201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Book"}}}},
			                  "422": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}},
			 "components": {"schemas": {"Book": {"type": "object", "properties": {"title": {"type": "string"}}}}}}
			""";

	static final String BOOK = "00000000-0000-7000-8000-000000000001";

	final AtomicReference<Answer> answer = new AtomicReference<>();

	HttpServer server;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			Answer now = this.answer.get();
			byte[] body = now.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", now.type());
			exchange.sendResponseHeaders(now.status(), (body.length == 0) ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	ApiContract contract() {
		return ApiContract.of("http://127.0.0.1:" + this.server.getAddress().getPort(), DOCUMENT);
	}

	@Test
	void answersAsDocumentedPass() {
		ApiContract api = contract();
		this.answer.set(new Answer(200, "application/json", "{\"title\": \"Engines\"}"));
		api.call("GET /books/{bookId}").path("bookId", BOOK).send();
		this.answer.set(new Answer(404, "application/problem+json", "{}"));
		api.call("GET /books/{bookId}").path("bookId", BOOK).wrong().send();
		this.answer.set(new Answer(201, "application/json", "{\"title\": \"Engines\"}"));
		api.call("POST /books").json("{\"title\": \"Engines\"}").send();
		this.answer.set(new Answer(422, "application/problem+json", "{}"));
		api.call("POST /books").json("{\"title\": 7}").wrong().send();
		assertThatNoException().isThrownBy(api::assertEveryOperationCovered);
	}

	@Test
	void anUndocumentedStatusFails() {
		ApiContract api = contract();
		this.answer.set(new Answer(200, "application/json", "{\"title\": \"Engines\"}"));
		api.call("POST /books").json("{\"title\": \"Engines\"}").send();
		assertThatThrownBy(api::assertEveryOperationCovered).hasMessageContaining("status 200 is not documented");
	}

	@Test
	void aFieldTheSchemaDoesNotNameFails() {
		ApiContract api = contract();
		this.answer.set(new Answer(200, "application/json", "{\"title\": \"Engines\", \"chapterIds\": []}"));
		api.call("GET /books/{bookId}").path("bookId", BOOK).send();
		assertThatThrownBy(api::assertEveryOperationCovered).hasMessageContaining("$.chapterIds");
	}

	@Test
	void aBodyOfTheWrongTypeFails() {
		ApiContract api = contract();
		this.answer.set(new Answer(200, "application/json", "{\"title\": 7}"));
		api.call("GET /books/{bookId}").path("bookId", BOOK).send();
		assertThatThrownBy(api::assertEveryOperationCovered).hasMessageContaining("/title");
	}

	@Test
	void aRequestTheDocumentDoesNotDescribeFails() {
		ApiContract api = contract();
		this.answer.set(new Answer(200, "application/json", "{}"));
		api.call("GET /books/{bookId}").path("bookId", "not-a-uuid").query("user", "ada").send();
		assertThatThrownBy(api::assertEveryOperationCovered)
			.hasMessageContaining("undocumented query parameters [user]")
			.hasMessageContaining("path parameter 'bookId'=not-a-uuid");
		assertThatThrownBy(() -> api.call("GET /error")).hasMessageContaining("has no operation GET /error");
	}

	@Test
	void anOperationNotCoveredFails() {
		ApiContract api = contract();
		this.answer.set(new Answer(200, "application/json", "{}"));
		api.call("GET /books/{bookId}").path("bookId", BOOK).send();
		assertThatThrownBy(api::assertEveryOperationCovered)
			.hasMessageContaining("never called as documented: [POST /books]")
			.hasMessageContaining("never called with a request it must refuse: [GET /books/{bookId}, POST /books]");
	}

	@Test
	void aRefusalThatSucceedsFails() {
		ApiContract api = contract();
		this.answer.set(new Answer(201, "application/json", "{}"));
		api.call("POST /books").json("{\"title\": 7}").wrong().send();
		assertThatThrownBy(api::assertEveryOperationCovered)
			.hasMessageContaining("a request the service must refuse answered 201");
	}

	record Answer(int status, String type, String body) {
	}

}
