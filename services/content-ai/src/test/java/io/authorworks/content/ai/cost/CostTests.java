package io.authorworks.content.ai.cost;

import java.util.Map;
import java.util.SplittableRandom;

import io.authorworks.content.ai.StoryFixtures;
import io.authorworks.content.ai.Usage;
import io.authorworks.content.ai.fakes.Tokenizer;
import org.junit.jupiter.api.Test;

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

}
