package io.authorworks.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import io.authorworks.lib.storyai.story.Texts;
import io.authorworks.lib.storystore.ChapterTables;
import io.authorworks.lib.storystore.WordCount;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated chapter shows the word count the editor will show: the worker's write path
 * (the library's {@link ChapterTables}, as content-worker calls it for a chapter-prose
 * step) and the author's save through the API store the same count for the same text,
 * checked on seeded random prose with em-dash-joined words and {@code * * *} scene
 * breaks, which the old whitespace counter got wrong.
 */
class WordCountAgreementIntegrationTests extends ContentIntegrationTest {

	static final String SAMPLE = """
			The boat—split along its keel—drifted in.

			* * *

			Mara didn't look back.
			""";

	private static final String[] WORDS = { "boat", "split", "Mara", "lamp", "don't", "well-known", "1,000", "sea",
			"café", "Ines", "letters", "salt", "*light*", "**keel**", "`code`", "中文" };

	private static final String[] JOINS = { " ", " ", " ", "—", " — ", "-", ", ", ". " };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theOldWhitespaceCounterDisagreedOnTheSample() {
		// The worker stored 13 before: one word for each "boat—split", three for "* * *";
		// a reader (and the editor) counts 12.
		assertThat(Texts.wordCount(SAMPLE)).isEqualTo(13);
		assertThat(WordCount.ofMarkdown(SAMPLE)).isEqualTo(12);
	}

	@Test
	void aGeneratedChapterKeepsItsWordCountThroughTheAuthorsFirstSave() {
		Author ada = author("ada");
		String bookId = book(ada, "The Lamp Room").get("id").asString();
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(12L);
		List<String> texts = new ArrayList<>(List.of(SAMPLE));
		for (int i = 0; i < 30; i++) {
			texts.add(prose(random));
		}
		for (String text : texts) {
			int expected = WordCount.ofMarkdown(text);
			UUID chapterId = generate(ada.id(), UUID.fromString(bookId), text);
			String path = "/content/books/" + bookId + "/chapters/" + chapterId;

			Api.Response before = ada.api().get(path);
			long bookBefore = ada.api().get("/content/books/" + bookId).json().get("wordCount").asLong();
			// The editor's first save: the same words, only the trailing blank line
			// differs.
			Api.Response saved = ada.api()
				.with("If-Match", before.etag())
				.put(path + "/content", Map.of("content", text.strip() + "\n\n"));
			assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
			long bookAfter = ada.api().get("/content/books/" + bookId).json().get("wordCount").asLong();

			assertThat(before.json().get("wordCount").asInt()).as(text).isEqualTo(expected);
			assertThat(saved.json().get("wordCount").asInt()).as(text).isEqualTo(expected);
			assertThat(bookAfter).as(text).isEqualTo(bookBefore);
			JsonNode revisions = ada.api().get(path + "/revisions").json().get("items");
			assertThat(revisions).extracting((r) -> r.get("number").asInt()).containsExactly(2, 1);
			assertThat(revisions).extracting((r) -> r.get("wordCount").asInt()).containsOnly(expected);
		}
	}

	/** Writes a chapter as content-worker does for a chapter-prose step. */
	private UUID generate(UUID userId, UUID bookId, String text) {
		UUID jobId = UUID.randomUUID();
		return this.transactions.execute((status) -> {
			ChapterTables writer = new ChapterTables(this.jdbc);
			writer.lockBook(bookId);
			int position = this.jdbc.sql("select count(*) + 1 from chapters where book_id = :book")
				.param("book", bookId)
				.query(Integer.class)
				.single();
			ChapterTables.Written written = writer.insert(
					new ChapterTables.NewChapter(bookId, position, "Chapter " + position, text, "draft",
							new ChapterTables.GeneratedBy(jobId, 1)),
					new ChapterTables.Author(userId, "generated", null, jobId));
			writer.recordActivity(bookId, true);
			return written.chapterId();
		});
	}

	/**
	 * Paragraphs of random words, joined by spaces, em dashes and hyphens, with scene
	 * breaks.
	 */
	private static String prose(RandomGenerator random) {
		StringBuilder text = new StringBuilder();
		int paragraphs = 1 + random.nextInt(5);
		for (int p = 0; p < paragraphs; p++) {
			if (p > 0) {
				text.append(random.nextInt(3) == 0 ? "\n\n* * *\n\n" : "\n\n");
			}
			int words = 1 + random.nextInt(25);
			for (int w = 0; w < words; w++) {
				if (w > 0) {
					text.append(JOINS[random.nextInt(JOINS.length)]);
				}
				text.append(WORDS[random.nextInt(WORDS.length)]);
			}
			text.append('.');
		}
		return text.toString();
	}

}
