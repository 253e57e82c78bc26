package io.authorworks.content;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.platform.test.IntegrationTest;
import io.authorworks.platform.test.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content-service against the real PostgreSQL and RabbitMQ, called over HTTP with
 * tokens from a local issuer, and a local stand-in for the user-service it asks about
 * accounts. Every integration test class extends this one, so they share one application
 * context.
 */
@IntegrationTest(properties = { "SERVICE_CLIENT_ID=" + FakeUserService.CLIENT_ID,
		"SERVICE_CLIENT_SECRET=" + FakeUserService.CLIENT_SECRET, "authorworks.events.relay-interval=200ms",
		"LOG_FORMAT=text", "authorworks.web.live.echo-enabled=true" })
abstract class ContentIntegrationTest {

	static final TestIssuer issuer = new TestIssuer();

	static final FakeUserService users = new FakeUserService(issuer);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry registry) {
		registry.add("authorworks.security.jwks-uri", issuer::jwksUri);
		registry.add("authorworks.service-client.token-uri", () -> users.baseUrl() + "/oauth2/token");
		registry.add("authorworks.content.user-service-url", users::baseUrl);
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** A new signed-up author with their own API client. */
	Author author(String name) {
		UUID id = users.register(UUID.randomUUID());
		String token = issuer.userToken(id, name, List.of("reader", "author"));
		return new Author(id, new Api(base(), token));
	}

	/**
	 * A new signed-up person whose token carries exactly these roles (someone who left "I
	 * want to write" unticked has only {@code reader}).
	 */
	Author person(String name, String... roles) {
		UUID id = users.register(UUID.randomUUID());
		return new Author(id, new Api(base(), issuer.userToken(id, name, List.of(roles))));
	}

	/**
	 * The same person with a token carrying other roles, as after their roles changed.
	 */
	Author withRoles(Author person, String... roles) {
		return new Author(person.id(), new Api(base(), issuer.userToken(person.id(), "someone", List.of(roles))));
	}

	/**
	 * Sends a user-service event about this person to its exchange, as the user-service's
	 * outbox does: the contract's golden sample with this person's id and the given data
	 * fields.
	 */
	void userEvent(String sample, UUID userId, Map<String, Object> data) {
		try (java.io.InputStream in = getClass()
			.getResourceAsStream("/io/authorworks/contracts/users/" + sample + ".json")) {
			ObjectNode envelope = (ObjectNode) Api.JSON.readTree(in);
			envelope.put("id", UUID.randomUUID().toString());
			envelope.put("subject", "users/" + userId);
			ObjectNode fields = (ObjectNode) envelope.get("data");
			fields.put("userId", userId.toString());
			data.forEach((name, value) -> fields.set(name, Api.JSON.valueToTree(value)));
			MessageProperties properties = new MessageProperties();
			properties.setContentType("application/json");
			properties.setMessageId(envelope.get("id").asString());
			this.rabbit.send("users.events", envelope.get("type").asString(),
					new Message(Api.JSON.writeValueAsBytes(envelope), properties));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** A client with no token at all. */
	Api anonymous() {
		return new Api(base(), null);
	}

	/** Creates a book and answers its JSON. */
	JsonNode book(Author author, String title) {
		Api.Response created = author.api().post("/content/books", Map.of("title", title));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/** Adds a chapter at the end and answers its JSON. */
	JsonNode chapter(Author author, String bookId, String title, String content) {
		Api.Response created = author.api()
			.post("/content/books/" + bookId + "/chapters", Map.of("title", title, "content", content));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	static void assertProblem(Api.Response response, int status, String slug) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("https://authorworks.dev/problems/" + slug);
	}

	/** A signed-in person. */
	record Author(UUID id, Api api) {
	}

}
