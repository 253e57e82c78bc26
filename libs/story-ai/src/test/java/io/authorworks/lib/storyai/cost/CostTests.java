package io.authorworks.lib.storyai.cost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;

import io.authorworks.lib.storyai.StoryFixtures;
import io.authorworks.lib.storyai.Usage;
import io.authorworks.testing.llm.Tokenizer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CostTests {

	private final HeuristicTokenEstimator heuristic = new HeuristicTokenEstimator(1.0);

	@Test
	void theHeuristicTracksARealTokenizerOnProseAndMarkdown() {
		String markdown = """
				# Characters in this chapter
				- Mara Voss (also Mara), protagonist: A cartographer's daughter, twenty-seven. Traits: stubborn, meticulous
				- Tobias Wren: the lighthouse keeper; patient, funny, hiding debts.

				# Story so far
				Chapter 1 (The Letter): An Admiralty letter tells Mara the *Petrel*'s wreckage was found in 1887.
				""";
		for (String text : new String[] { StoryFixtures.CHAPTER_ONE, StoryFixtures.SAMPLE, markdown }) {
			int real = Tokenizer.CL100K.count(text);
			assertThat((double) this.heuristic.estimate(text)).isCloseTo(real,
					org.assertj.core.data.Percentage.withPercentage(12));
		}
	}

	@Test
	void neverShrinksWhenTextGrows() {
		SplittableRandom random = new SplittableRandom(3);
		String text = StoryFixtures.CHAPTER_ONE + " 1887 年 “quoted” — done...";
		for (int i = 0; i < 2_000; i++) {
			int cut = random.nextInt(text.length() + 1);
			assertThat(this.heuristic.estimate(text.substring(0, cut))).isLessThanOrEqualTo(
					this.heuristic.estimate(text.substring(0, Math.min(text.length(), cut + 1 + random.nextInt(20)))));
		}
		assertThat(this.heuristic.estimate("")).isZero();
	}

	@Test
	void familiesScaleTheEstimate() {
		String text = StoryFixtures.CHAPTER_ONE;
		int openai = TokenEstimator.forModel("openai", "gpt-4o").estimate(text);
		int claude = TokenEstimator.forModel("anthropic", "claude-sonnet-5-5").estimate(text);
		int local = TokenEstimator.forModel("openai", "llama3.1:8b").estimate(text);
		assertThat(claude).isGreaterThan(local).isGreaterThan(openai);
	}

	@Test
	void pricesAreExactIntegerMicros() {
		ModelPrice sonnet = ModelPrice.parse("2.00/10.00 USD");

		assertThat(sonnet.cost(Usage.reported(1_000_000, 100_000))).isEqualTo(new Money(3_000_000, "USD"));
		assertThat(sonnet.cost(1, 1)).isEqualTo(new Money(12, "USD"));
		assertThat(ModelPrice.parse("0.15 / 0.6")).isEqualTo(new ModelPrice(150_000, 600_000, "USD"));
		assertThat(new Money(12_345, "USD").display()).isEqualTo("0.0124 USD");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.parse("cheap"));
	}

	@Test
	void findsPricesByProviderModelThenModelThenLongestPrefix() {
		PriceTable table = PriceTable.parse(Map.of("claude-sonnet", "1/1", "claude-sonnet-5-5", "2/10", "openai:gpt-4o",
				"2.5/10", "gpt-4o-mini", "0.15/0.60"));

		assertThat(table.priceOf("anthropic", "claude-sonnet-5-5-20260901").inputMicrosPerMillion())
			.isEqualTo(2_000_000);
		assertThat(table.priceOf("openai", "gpt-4o-mini").inputMicrosPerMillion()).isEqualTo(150_000);
		assertThat(table.priceOf("openai", "gpt-4o").inputMicrosPerMillion()).isEqualTo(2_500_000);
		assertThat(table.find("openai", "llama3.1:8b")).isEmpty();
	}

	@Test
	void quotesAddUpForAWholeJob() {
		Quote bible = new Quote("anthropic", "claude-sonnet-5-5", 500, 1600, new Money(17_000, "USD"), true);
		Quote prose = new Quote("anthropic", "claude-opus-5-5", 9000, 2700, new Money(90_000, "USD"), true);

		Quote job = bible.plus(prose);

		assertThat(job).isEqualTo(new Quote("anthropic", "mixed", 9500, 4300, new Money(107_000, "USD"), true));
	}

	/**
	 * The expected size of an answer is added up from its shape (fields, list items,
	 * words per value). On random JSON documents of English words, shaped like the
	 * answers the prompts ask for, that sum stays close to what real tokenizers count.
	 */
	@Test
	void anAnswersSizeFollowsFromItsShapeOnRandomDocuments() {
		List<String> words = List.of(StoryFixtures.CHAPTER_ONE.strip().split("\\s+"));
		JsonMapper json = JsonMapper.builder().build();
		double errors = 0;
		int documents = 0;
		for (long seed = 1; seed <= 200; seed++) {
			Random random = new Random(seed);
			Shape shape = Shape.random(random, 0);
			ObjectNode document = json.createObjectNode();
			shape.fill(document, random, words);
			String text = json.writeValueAsString(document);
			for (Tokenizer tokenizer : new Tokenizer[] { Tokenizer.CL100K, Tokenizer.O200K }) {
				int real = tokenizer.count(text);
				double error = (shape.size().tokens() - real) / (double) real;
				assertThat(Math.abs(error)).as("seed %d: %s", seed, text).isLessThan(0.20);
				errors += error;
				documents++;
			}
		}
		// No lean either way: the per-field and per-word constants are not biased.
		assertThat(Math.abs(errors / documents)).isLessThan(0.05);
	}

	/**
	 * A random answer shape: each field is text of some words, a list of short texts, a
	 * list of objects of one shape, or a nested object.
	 */
	private record Shape(List<Field> fields) {

		private static final String[] KEYS = { "name", "title", "description", "summary", "goal", "conflict", "outcome",
				"arc", "notes", "pov", "location", "role", "tone", "voice" };

		static Shape random(Random random, int depth) {
			List<String> keys = new ArrayList<>(List.of(KEYS));
			Collections.shuffle(keys, random);
			List<Field> fields = new ArrayList<>();
			for (int f = 0, n = 3 + random.nextInt(6); f < n; f++) {
				int kind = random.nextInt((depth < 2) ? 4 : 2);
				fields.add(new Field(keys.get(f), kind, (kind == 0) ? random.nextInt(25) : 1 + random.nextInt(2),
						random.nextInt(5), (kind >= 2) ? random(random, depth + 1) : null));
			}
			return new Shape(fields);
		}

		AnswerSize size() {
			AnswerSize size = AnswerSize.json();
			for (Field field : this.fields) {
				switch (field.kind()) {
					case 0 -> size.text(field.words());
					case 1 -> size.list(field.count(), field.words());
					case 2 -> size.objects(field.count(), field.nested().size());
					default -> size.object(field.nested().size());
				}
			}
			return size;
		}

		void fill(ObjectNode node, Random random, List<String> words) {
			for (Field field : this.fields) {
				switch (field.kind()) {
					case 0 -> node.put(field.key(), sentence(random, words, field.words()));
					case 1 -> {
						ArrayNode list = node.putArray(field.key());
						for (int i = 0; i < field.count(); i++) {
							list.add(sentence(random, words, field.words()));
						}
					}
					case 2 -> {
						ArrayNode list = node.putArray(field.key());
						for (int i = 0; i < field.count(); i++) {
							field.nested().fill(list.addObject(), random, words);
						}
					}
					default -> field.nested().fill(node.putObject(field.key()), random, words);
				}
			}
		}

		/** A run of {@code count} words of real prose, punctuation and all. */
		private static String sentence(Random random, List<String> words, int count) {
			int from = random.nextInt(words.size() - count + 1);
			return String.join(" ", words.subList(from, from + count));
		}

	}

	private record Field(String key, int kind, int words, int count, @Nullable Shape shape) {

		/** The shape of a kind 2 (list of objects) or kind 3 (object) field. */
		Shape nested() {
			return Objects.requireNonNull(this.shape, "only object fields have a shape");
		}

	}

}
