package io.authorworks.content;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.authorworks.contracts.content.BookDeleted;
import io.authorworks.contracts.content.BookPublished;
import io.authorworks.contracts.content.BookUpdated;
import io.authorworks.contracts.content.ChapterPublished;
import io.authorworks.contracts.content.ChapterUpdated;
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
 * Publishing through the API and what readers see signed out: only final chapters, only
 * after publishing, unlisted books by link only; and the events on
 * {@code content.events}, read from a temporary queue bound to the real RabbitMQ.
 */
class PublishingIntegrationTests extends ContentIntegrationTest {

	@Autowired
	AmqpAdmin amqp;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	ObjectMapper mapper;

	String queue;

	@BeforeEach
	void listen() {
		this.queue = "test.content.events." + UUID.randomUUID();
		this.amqp.declareQueue(new Queue(this.queue, false, false, false));
		for (String key : List.of("book.*", "chapter.*")) {
			this.amqp.declareBinding(
					BindingBuilder.bind(new Queue(this.queue)).to(new TopicExchange("content.events")).with(key));
		}
	}

	@AfterEach
	void stopListening() {
		this.amqp.deleteQueue(this.queue);
	}

	@Test
	void publishThenReadSignedOutAndReceiveTheEvents() {
		Author ada = author("ada");
		String bookId = book(ada, "The Analytical Engine").get("id").asString();
		JsonNode one = chapter(ada, bookId, "The Loom", "Ada watched the loom.\n\n<script>alert('x')</script>");
		chapter(ada, bookId, "Notes", "Unfinished thoughts.");
		JsonNode three = chapter(ada, bookId, "The Engine", "Charles drew the engine.");
		markFinal(ada, bookId, one);
		markFinal(ada, bookId, three);

		assertProblem(anonymous().get("/content/public/books/" + bookId), 404, "not-found");
		assertProblem(ada.api().post("/content/books/" + bookId + "/publish", Map.of()), 422, "validation-failed");
		Api.Response published = ada.api()
			.post("/content/books/" + bookId + "/publish", Map.of("visibility", "public"));
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.json().get("chapters").asInt()).isEqualTo(2);
		assertThat(published.json().get("status").asString()).isEqualTo("published");

		Api reader = anonymous();
		JsonNode listed = reader.get("/content/public/books?limit=100").json();
		assertThat(listed.get("items")).anySatisfy((b) -> assertThat(b.get("id").asString()).isEqualTo(bookId));
		JsonNode book = reader.get("/content/public/books/" + bookId).json();
		assertThat(book.get("contents")).extracting((c) -> c.get("number").asInt() + ":" + c.get("title").asString())
			.containsExactly("1:The Loom", "2:The Engine");
		JsonNode chapter = reader.get("/content/public/books/" + bookId + "/chapters/1").json();
		assertThat(chapter.get("html").asString()).contains("<p>Ada watched the loom.</p>").doesNotContain("script");
		assertThat(chapter.get("next").asInt()).isEqualTo(2);
		assertProblem(reader.get("/content/public/books/" + bookId + "/chapters/3"), 404, "not-found");

		String path = "/content/books/" + bookId + "/chapters/" + three.get("id").asString();
		ada.api().with("If-Match", "*").put(path + "/content", Map.of("content", "A draft readers must not see."));
		assertThat(reader.get("/content/public/books/" + bookId + "/chapters/2").json().get("content").asString())
			.isEqualTo("Charles drew the engine.");

		Author eve = author("eve");
		assertProblem(eve.api().get("/content/books/" + bookId + "/chapters"), 403, "forbidden");
		assertProblem(eve.api().post("/content/books/" + bookId + "/unpublish", null), 403, "forbidden");

		List<EventEnvelope> events = eventsFor(bookId, 5);
		assertThat(events).extracting(EventEnvelope::type)
			.contains(BookPublished.TYPE, ChapterPublished.TYPE, ChapterUpdated.TYPE);
		BookPublished bookPublished = events.stream()
			.filter((e) -> e.type().equals(BookPublished.TYPE))
			.findFirst()
			.orElseThrow()
			.dataAs(this.mapper, BookPublished.class);
		assertThat(bookPublished.chapterCount()).isEqualTo(2);
		assertThat(bookPublished.ownerId()).isEqualTo(ada.id());
		assertThat(events.stream().filter((e) -> e.type().equals(ChapterPublished.TYPE))).hasSize(2);

		assertThat(ada.api().post("/content/books/" + bookId + "/unpublish", null).status()).isEqualTo(204);
		assertProblem(reader.get("/content/public/books/" + bookId), 404, "not-found");
		assertThat(eventsFor(bookId, 1)).extracting(EventEnvelope::type).contains(BookUpdated.TYPE);

		String etag = ada.api().get("/content/books/" + bookId).etag();
		ada.api().with("If-Match", etag).delete("/content/books/" + bookId);
		EventEnvelope deleted = eventsFor(bookId, 1).getLast();
		assertThat(deleted.type()).isEqualTo(BookDeleted.TYPE);
		assertThat(deleted.source()).isEqualTo("/services/content");
		assertThat(deleted.subject()).isEqualTo("books/" + bookId);
	}

	@Test
	void thePublicListRefusesControlCharactersInItsQuery() {
		// NUL reached PostgreSQL, which cannot store it in text: a 500.
		for (String query : java.util.List.of("genre=%00", "genre=fan%00tasy", "genre=a%01b", "genre=fan%0Atasy",
				"cursor=%00", "limit=1%00", "genre=%7F")) {
			assertProblem(anonymous().get("/content/public/books?" + query), 400, "bad-request");
		}
		assertThat(anonymous().get("/content/public/books?genre=fantasy&limit=5").status()).isEqualTo(200);
	}

	@Test
	void unlistedBooksAreReadableByLinkButNotListedAndPrivateOnesNotAtAll() {
		Author ada = author("ada");
		String unlisted = book(ada, "By Invitation").get("id").asString();
		chapter(ada, unlisted, "Only", "For friends.");
		Api.Response published = ada.api()
			.post("/content/books/" + unlisted + "/publish", Map.of("include", "all", "visibility", "unlisted"));
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(anonymous().get("/content/public/books/" + unlisted).status()).isEqualTo(200);
		assertThat(anonymous().get("/content/public/books?limit=100").json().get("items"))
			.noneSatisfy((b) -> assertThat(b.get("id").asString()).isEqualTo(unlisted));
		Author eve = author("eve");
		assertProblem(eve.api().get("/content/books/" + unlisted + "/chapters"), 404, "not-found");

		String secret = book(ada, "Private").get("id").asString();
		chapter(ada, secret, "One", "Mine.");
		assertProblem(ada.api().post("/content/books/" + secret + "/publish", Map.of("include", "all")), 422,
				"validation-failed");
		assertProblem(anonymous().get("/content/public/books/" + secret), 404, "not-found");
	}

	@Test
	void publishingAgainNeverSilentlyTakesChaptersAwayFromReaders() {
		Author ada = author("ada");
		String bookId = book(ada, "Five Bells").get("id").asString();
		JsonNode first = chapter(ada, bookId, "Bell 1", "The bell rang 1 times.");
		for (int i = 2; i <= 5; i++) {
			chapter(ada, bookId, "Bell " + i, "The bell rang " + i + " times.");
		}
		markFinal(ada, bookId, first);
		assertThat(ada.api()
			.post("/content/books/" + bookId + "/publish", Map.of("include", "all", "visibility", "public"))
			.json()
			.get("chapters")
			.asInt()).isEqualTo(5);

		// Only one chapter is final: the default selection would leave readers with one.
		Api.Response narrowed = ada.api().post("/content/books/" + bookId + "/publish", Map.of());
		assertProblem(narrowed, 409, "publish-removes-chapters");
		assertThat(narrowed.json().get("removedChapters")).extracting((c) -> c.get("title").asString())
			.containsExactly("Bell 2", "Bell 3", "Bell 4", "Bell 5");
		assertThat(anonymous().get("/content/public/books/" + bookId).json().get("contents")).hasSize(5);

		// Keeping them, or saying so, both work.
		assertThat(ada.api().post("/content/books/" + bookId + "/publish", Map.of("include", "all")).status())
			.isEqualTo(200);
		Api.Response confirmed = ada.api()
			.post("/content/books/" + bookId + "/publish", Map.of("include", "final", "removeChapters", true));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.json().get("chapters").asInt()).isEqualTo(1);
		assertThat(anonymous().get("/content/public/books/" + bookId).json().get("contents")).hasSize(1);
	}

	private void markFinal(Author author, String bookId, JsonNode chapter) {
		Api.Response marked = author.api()
			.with("If-Match", "*")
			.patch("/content/books/" + bookId + "/chapters/" + chapter.get("id").asString(), Map.of("status", "final"));
		assertThat(marked.status()).isEqualTo(200);
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
