package io.authorworks.content;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.contracts.content.BookRestored;
import io.authorworks.contracts.content.BookTakenDown;
import io.authorworks.platform.events.api.EventEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins take a published book down from one place: readers lose it at once (404, gone
 * from the listing), its owner sees why and cannot publish it again, and a restore brings
 * it back as it was. Nobody else may do either.
 */
class TakedownIntegrationTests extends ContentIntegrationTest {

	@Autowired
	AmqpAdmin amqp;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	ObjectMapper mapper;

	String queue;

	@BeforeEach
	void listen() {
		this.queue = "test.content.takedowns." + UUID.randomUUID();
		this.amqp.declareQueue(new Queue(this.queue, false, false, false));
		for (String key : List.of(BookTakenDown.TYPE, BookRestored.TYPE)) {
			this.amqp.declareBinding(
					BindingBuilder.bind(new Queue(this.queue)).to(new TopicExchange("content.events")).with(key));
		}
	}

	@AfterEach
	void stopListening() {
		this.amqp.deleteQueue(this.queue);
	}

	@Test
	void anAdminTakesAPublishedBookDownAndRestoresIt() {
		Author ada = author("ada");
		String bookId = publishedBook(ada, "Borrowed Feathers");
		Author admin = person("root", "reader", "admin");
		Api reader = anonymous();
		Author signedInReader = person("rea", "reader");
		assertThat(reader.get("/content/public/books/" + bookId).status()).isEqualTo(200);

		Api.Response down = admin.api()
			.post("/content/admin/books/" + bookId + "/takedown", Map.of("reason", "Copies another author's novel."));
		assertThat(down.status()).as(down.toString()).isEqualTo(200);
		assertThat(down.json().get("takedownReason").asString()).isEqualTo("Copies another author's novel.");
		assertThat(down.json().get("takenDownAt").asString()).isNotBlank();

		assertProblem(reader.get("/content/public/books/" + bookId), 404, "not-found");
		assertProblem(reader.get("/content/public/books/" + bookId + "/chapters/1"), 404, "not-found");
		assertThat(listedIds(reader)).doesNotContain(bookId);
		assertProblem(signedInReader.api().get("/content/books/" + bookId), 404, "not-found");

		JsonNode asOwner = ada.api().get("/content/books/" + bookId).json();
		assertThat(asOwner.get("takedownReason").asString()).isEqualTo("Copies another author's novel.");
		assertThat(asOwner.get("takenDownAt")).isNotNull();
		Api.Response republish = ada.api().post("/content/books/" + bookId + "/publish", Map.of("include", "all"));
		assertProblem(republish, 409, "book-taken-down");
		assertThat(republish.json().get("reason").asString()).isEqualTo("Copies another author's novel.");

		JsonNode takenDown = admin.api().get("/content/admin/books?takenDown=true&limit=100").json();
		assertThat(takenDown.get("items")).anySatisfy((b) -> assertThat(b.get("id").asString()).isEqualTo(bookId));
		JsonNode live = admin.api().get("/content/admin/books?limit=100").json();
		assertThat(live.get("items")).noneSatisfy((b) -> assertThat(b.get("id").asString()).isEqualTo(bookId));

		EventEnvelope event = eventsFor(bookId, 1).getFirst();
		assertThat(event.type()).isEqualTo(BookTakenDown.TYPE);
		BookTakenDown data = event.dataAs(this.mapper, BookTakenDown.class);
		assertThat(data.ownerId()).isEqualTo(ada.id());
		assertThat(data.reason()).isEqualTo("Copies another author's novel.");

		Api.Response restored = admin.api().post("/content/admin/books/" + bookId + "/restore", null);
		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		assertThat(restored.json().has("takenDownAt")).isFalse();
		assertThat(reader.get("/content/public/books/" + bookId + "/chapters/1").json().get("title").asString())
			.isEqualTo("One");
		assertThat(listedIds(reader)).contains(bookId);
		assertThat(ada.api().post("/content/books/" + bookId + "/publish", Map.of("include", "all")).status())
			.isEqualTo(200);
		assertThat(eventsFor(bookId, 1)).extracting(EventEnvelope::type).contains(BookRestored.TYPE);
	}

	@Test
	void onlyAdminsMayTakeDownRestoreOrListAndOnlyPublishedBooksCanBeTakenDown() {
		Author ada = author("ada");
		String bookId = publishedBook(ada, "Mine");
		Api.Response byOwner = ada.api()
			.post("/content/admin/books/" + bookId + "/takedown", Map.of("reason", "I want it gone"));
		assertProblem(byOwner, 403, "role-required");
		assertThat(byOwner.json().get("role").asString()).isEqualTo("admin");
		assertProblem(ada.api().post("/content/admin/books/" + bookId + "/restore", null), 403, "role-required");
		assertProblem(ada.api().get("/content/admin/books?takenDown=true"), 403, "role-required");
		assertThat(anonymous().get("/content/public/books/" + bookId).status()).isEqualTo(200);

		Author admin = person("root", "reader", "admin");
		assertProblem(admin.api().post("/content/admin/books/" + bookId + "/takedown", Map.of()), 422,
				"validation-failed");
		String draft = book(ada, "Draft").get("id").asString();
		assertProblem(admin.api().post("/content/admin/books/" + draft + "/takedown", Map.of("reason", "Spam")), 409,
				"conflict");
		assertProblem(
				admin.api().post("/content/admin/books/" + UUID.randomUUID() + "/takedown", Map.of("reason", "Spam")),
				404, "not-found");
		assertProblem(admin.api().get("/content/admin/books?cursor=not-ours"), 400, "bad-request");
	}

	@Test
	void theAdminListsPageWithCursors() {
		Author ada = author("ada");
		Author admin = person("root", "reader", "admin");
		for (String title : List.of("First", "Second", "Third")) {
			String id = publishedBook(ada, title);
			admin.api().post("/content/admin/books/" + id + "/takedown", Map.of("reason", "Test " + title));
		}
		JsonNode first = admin.api().get("/content/admin/books?takenDown=true&limit=2").json();
		assertThat(first.get("items")).hasSize(2);
		assertThat(first.get("items").get(0).get("title").asString()).isEqualTo("Third");
		JsonNode second = admin.api()
			.get("/content/admin/books?takenDown=true&limit=2&cursor=" + first.get("nextCursor").asString())
			.json();
		assertThat(second.get("items").get(0).get("title").asString()).isEqualTo("First");
	}

	private String publishedBook(Author author, String title) {
		String bookId = book(author, title).get("id").asString();
		chapter(author, bookId, "One", "The first chapter.");
		Api.Response published = author.api()
			.post("/content/books/" + bookId + "/publish", Map.of("include", "all", "visibility", "public"));
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		return bookId;
	}

	private static List<String> listedIds(Api reader) {
		List<String> ids = new ArrayList<>();
		reader.get("/content/public/books?limit=100")
			.json()
			.get("items")
			.forEach((b) -> ids.add(b.get("id").asString()));
		return ids;
	}

	/**
	 * Reads events about the book until at least {@code atLeast} arrived, or 15 s passed.
	 */
	private List<EventEnvelope> eventsFor(String bookId, int atLeast) {
		List<EventEnvelope> events = new ArrayList<>();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			Message message = this.rabbit.receive(this.queue, 500);
			if (message == null) {
				if (events.size() >= atLeast) {
					break;
				}
				continue;
			}
			EventEnvelope envelope = this.mapper.readValue(message.getBody(), EventEnvelope.class);
			if (envelope.data().path("bookId").asString("").equals(bookId)) {
				events.add(envelope);
			}
		}
		return events;
	}

}
