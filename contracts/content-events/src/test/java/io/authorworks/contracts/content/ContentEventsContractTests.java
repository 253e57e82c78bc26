package io.authorworks.contracts.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.events.api.DomainEvent;
import io.authorworks.platform.events.api.EventEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden samples are the contract: the records must write exactly their {@code data},
 * and a consumer must read them back, so neither side can drift without this failing.
 */
class ContentEventsContractTests {

	private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();

	private static final UUID ADA = UUID.fromString("0193b2a4-7a00-7000-8000-000000000001");

	private static final UUID BOOK = UUID.fromString("0193b2a4-8b00-7000-8000-000000000010");

	private static final UUID CHAPTER = UUID.fromString("0193b2a4-8c00-7000-8000-000000000020");

	private static final UUID JOB = UUID.fromString("0193b2a4-8d00-7000-8000-000000000040");

	private static final UUID SERIES = UUID.fromString("0193b2a4-8a00-7000-8000-000000000030");

	@Test
	void bookPublishedMatchesItsGoldenSample() {
		BookPublished event = new BookPublished(BOOK, ADA, "The Analytical Engine", "en",
				List.of("science-fiction", "historical"), "public", 12, 84211, 7,
				Instant.parse("2026-11-26T21:35:00Z"));
		assertContract("BookPublished.json", event, BookPublished.class, "books/" + BOOK);
	}

	@Test
	void bookUpdatedMatchesItsGoldenSample() {
		BookUpdated event = new BookUpdated(BOOK, ADA, "The Analytical Engine", "A Novel",
				"Two friends build a machine that weaves algebra.", "en", List.of("science-fiction", "historical"),
				List.of("victorian", "computing"), "published", "public", true, SERIES, "covers/analytical-engine.png",
				8, Instant.parse("2026-11-26T21:40:00Z"));
		assertContract("BookUpdated.json", event, BookUpdated.class, "books/" + BOOK);
	}

	@Test
	void bookDeletedMatchesItsGoldenSample() {
		BookDeleted event = new BookDeleted(BOOK, ADA, Instant.parse("2026-11-26T22:00:00Z"));
		assertContract("BookDeleted.json", event, BookDeleted.class, "books/" + BOOK);
	}

	@Test
	void bookTakenDownMatchesItsGoldenSample() {
		BookTakenDown event = new BookTakenDown(BOOK, ADA, "Reproduces another author's novel without permission.",
				Instant.parse("2026-11-27T09:15:00Z"));
		assertContract("BookTakenDown.json", event, BookTakenDown.class, "books/" + BOOK);
	}

	@Test
	void bookRestoredMatchesItsGoldenSample() {
		BookRestored event = new BookRestored(BOOK, ADA, Instant.parse("2026-11-28T10:00:00Z"));
		assertContract("BookRestored.json", event, BookRestored.class, "books/" + BOOK);
	}

	@Test
	void chapterPublishedMatchesItsGoldenSample() {
		ChapterPublished event = new ChapterPublished(BOOK, CHAPTER, 1, "The Loom", 6120, 14,
				Instant.parse("2026-11-26T21:35:00Z"));
		assertContract("ChapterPublished.json", event, ChapterPublished.class, "chapters/" + CHAPTER);
	}

	@Test
	void chapterUpdatedMatchesItsGoldenSample() {
		ChapterUpdated event = new ChapterUpdated(BOOK, CHAPTER, 1, "The Loom", "final", 6120, 14,
				Instant.parse("2026-11-26T21:30:00Z"));
		assertContract("ChapterUpdated.json", event, ChapterUpdated.class, "chapters/" + CHAPTER);
	}

	@Test
	void generationRequestedMatchesItsGoldenSample() {
		GenerationRequested event = new GenerationRequested(JOB, BOOK, ADA, "full-book");
		assertContract("GenerationRequested.json", event, GenerationRequested.class, "generation-jobs/" + JOB);
	}

	@Test
	void generationCompletedMatchesItsGoldenSample() {
		GenerationCompleted event = new GenerationCompleted(JOB, BOOK, ADA, "full-book", "succeeded", 48210, 21875,
				530440, "USD",
				List.of(new GenerationCompleted.ModelUsage("anthropic", "claude-opus-5-5", 30120, 18500, 490480),
						new GenerationCompleted.ModelUsage("anthropic", "claude-haiku-4-5", 18090, 3375, 34965)),
				Instant.parse("2026-11-26T22:05:00Z"));
		assertContract("GenerationCompleted.json", event, GenerationCompleted.class, "generation-jobs/" + JOB);
	}

	@Test
	void aConsumerIgnoresFieldsAddedByANewerProducer() {
		EventEnvelope envelope = this.mapper.readValue(read("ChapterUpdated.json"), EventEnvelope.class);
		ObjectNode newer = (ObjectNode) envelope.data().deepCopy();
		newer.put("addedLater", "consumers built before this field must still read the event");
		ChapterUpdated read = this.mapper.treeToValue(newer, ChapterUpdated.class);
		assertThat(read.chapterId()).isEqualTo(CHAPTER);
	}

	@Test
	void nullableFieldsMayBeAbsent() {
		EventEnvelope envelope = this.mapper.readValue(read("BookUpdated.json"), EventEnvelope.class);
		ObjectNode data = (ObjectNode) envelope.data().deepCopy();
		data.remove(List.of("subtitle", "description", "seriesId", "coverRef"));
		BookUpdated read = this.mapper.treeToValue(data, BookUpdated.class);
		assertThat(read.subtitle()).isNull();
		assertThat(read.seriesId()).isNull();
		assertThat(read.title()).isEqualTo("The Analytical Engine");
	}

	private <T extends DomainEvent> void assertContract(String sample, T event, Class<T> type, String subject) {
		EventEnvelope envelope = this.mapper.readValue(read(sample), EventEnvelope.class);
		assertThat(envelope.type()).isEqualTo(event.eventType());
		assertThat(envelope.specversion()).isEqualTo("1.0");
		assertThat(envelope.source()).isEqualTo("/services/content");
		assertThat(envelope.subject()).isEqualTo(subject).isEqualTo(event.subject());
		assertThat(envelope.dataversion()).isEqualTo(event.dataVersion());
		assertThat(envelope.dataAs(this.mapper, type)).isEqualTo(event);
		JsonNode written = this.mapper.readTree(this.mapper.writeValueAsString(event));
		assertThat(written).isEqualTo(envelope.data());
	}

	private static String read(String name) {
		try (InputStream in = ContentEventsContractTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
