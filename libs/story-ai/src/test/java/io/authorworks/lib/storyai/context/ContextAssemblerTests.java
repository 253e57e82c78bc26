package io.authorworks.lib.storyai.context;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.authorworks.lib.storyai.StoryFixtures;
import io.authorworks.lib.storyai.StoryFixtures.RandomBook;
import io.authorworks.lib.storyai.cost.HeuristicTokenEstimator;
import io.authorworks.lib.storyai.cost.TokenEstimator;
import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContextAssemblerTests {

	private final TokenEstimator estimator = new HeuristicTokenEstimator(1.0);

	private final ContextAssembler assembler = new ContextAssembler(this.estimator);

	private ContextRequest chapter3(String previousText) {
		Outline outline = StoryFixtures.lighthouseOutline();
		ChapterOutline chapter = outline.chapter(3).orElseThrow();
		return new ContextRequest(StoryFixtures.lighthouseBible(), outline, chapter, null,
				StoryFixtures.lighthouseSummaries(), previousText, "You are a novelist.", "Write chapter 3.");
	}

	@Test
	void includesOnlyTheEntriesThisChapterMentionsPlusThePointOfView() {
		AssembledContext context = this.assembler.assemble(chapter3("Hale turned away."), ContextBudget.DEFAULT);

		// Mara is the POV; Tobias is in a beat; Hale ends the previous chapter; Calder is
		// only in chapter 4.
		assertThat(context.characters()).containsExactly("Mara Voss", "Tobias Wren", "Admiral Hale");
		assertThat(context.locations()).containsExactly("The Admiralty Archive");
		assertThat(context.lore()).containsExactly("salvage ledger");
		assertThat(context.user()).doesNotContain("Inés Calder").doesNotContain("old salvage diver");
		assertThat(context.user()).contains("# Characters in this chapter").contains("Tobias Wren (also Tobias, Toby)");
	}

	@Test
	void matchesAliasesAsWholeWordsWithTheirCapitals() {
		StoryBible bible = StoryFixtures.lighthouseBible();
		ChapterOutline chapter = new ChapterOutline(5, "Quiet", "Toby mends the lamp; the point of it all escapes him.",
				List.of(), "");
		ContextRequest request = new ContextRequest(bible, StoryFixtures.lighthouseOutline(), chapter, null, List.of(),
				"", "", "Write.");

		List<String> names = ContextAssembler.relevant(request, "").stream().map((entry) -> entry.name()).toList();

		// "Toby" is Tobias's alias; "the point" in lower case is not "the Point".
		assertThat(names).containsExactly("Mara Voss", "Tobias Wren");
	}

	@Test
	void aPlanBringsItsPeopleAndPlaces() {
		Outline outline = StoryFixtures.lighthouseOutline();
		ChapterOutline chapter = outline.chapter(4).orElseThrow();
		ChapterPlan plan = new ChapterPlan(4, "Undertow",
				List.of(new io.authorworks.lib.storyai.story.ScenePlan("Dive", "Mara Voss", "Saltmarsh Point",
						List.of("Inés Calder"), "find the log", "the cold", "the log is found")));
		ContextRequest request = new ContextRequest(StoryFixtures.lighthouseBible(), outline, chapter, plan, List.of(),
				"", "", "Write.");

		AssembledContext context = this.assembler.assemble(request, ContextBudget.DEFAULT);

		assertThat(context.characters()).containsExactly("Mara Voss", "Inés Calder");
		assertThat(context.locations()).containsExactly("Saltmarsh Point");
		assertThat(context.lore()).containsExactly("the Petrel");
		assertThat(context.user()).contains("## Scene plan").contains("Goal: find the log");
	}

	@Test
	void quotesTheEndOfThePreviousChapterAndSummarisesEveryEarlierOne() {
		AssembledContext context = this.assembler.assemble(chapter3(StoryFixtures.CHAPTER_ONE),
				new ContextBudget(24_000, 40, 3));

		assertThat(context.user()).contains("# Story so far")
			.contains("Chapter 1 (The Letter): An Admiralty letter")
			.contains("Chapter 2 (Port Ansel): Admiral Hale receives");
		String section = context.user().substring(context.user().indexOf("# End of the previous chapter"));
		String tail = section.substring(section.indexOf('…') + 1, section.indexOf("\n\"\"\"", 40));
		assertThat(tail).contains("did not count the seconds between the flashes.").doesNotContain("Tuesday");
		assertThat(this.estimator.estimate(tail)).isLessThanOrEqualTo(40);
	}

	@Test
	void isDeterministic() {
		SplittableRandom random = new SplittableRandom(11);
		for (int i = 0; i < 50; i++) {
			RandomBook book = StoryFixtures.randomBook(random, 1 + random.nextInt(30));
			ContextRequest request = request(book);
			ContextBudget budget = new ContextBudget(200 + random.nextInt(3000), 300, 3);
			assertThat(this.assembler.assemble(request, budget)).isEqualTo(this.assembler.assemble(request, budget));
		}
	}

	@Test
	void neverExceedsTheBudget() {
		SplittableRandom random = new SplittableRandom(20261127);
		int trimmed = 0;
		for (int i = 0; i < 400; i++) {
			RandomBook book = StoryFixtures.randomBook(random, 1 + random.nextInt(60));
			int budgetTokens = 20 + random.nextInt(6000);
			ContextBudget budget = new ContextBudget(budgetTokens, random.nextInt(2000), random.nextInt(5));
			TokenEstimator estimator = new HeuristicTokenEstimator(0.8 + random.nextDouble() * 0.6);
			AssembledContext context = new ContextAssembler(estimator).assemble(request(book), budget);

			int actual = estimator.estimate(context.system()) + estimator.estimate(context.user());
			assertThat(actual).as("case %d with budget %d", i, budgetTokens).isLessThanOrEqualTo(budgetTokens);
			assertThat(context.estimatedTokens()).isEqualTo(actual);
			if (!context.trims().isEmpty()) {
				trimmed++;
			}
		}
		// The generated books must exercise trimming, or the property proves little.
		assertThat(trimmed).isGreaterThan(100);
	}

	@Test
	void keepsTheTaskWheneverItCanFit() {
		SplittableRandom random = new SplittableRandom(5);
		for (int i = 0; i < 100; i++) {
			RandomBook book = StoryFixtures.randomBook(random, 20);
			AssembledContext context = this.assembler.assemble(request(book), new ContextBudget(150, 400, 3));
			assertThat(context.user()).endsWith("Write the next chapter.");
		}
	}

	@Test
	void trimsInTheDocumentedOrder() {
		List<ChapterSummary> summaries = new ArrayList<>();
		for (int c = 1; c <= 8; c++) {
			summaries.add(new ChapterSummary(c, "Chapter " + c,
					"First sentence of chapter " + c + ". " + "More detail that can go. ".repeat(20)));
		}
		Outline base = StoryFixtures.lighthouseOutline();
		List<ChapterOutline> chapters = new ArrayList<>(base.chapters());
		for (int c = 5; c <= 9; c++) {
			chapters.add(new ChapterOutline(c, "Later " + c, "Something happens. And more.", List.of(), ""));
		}
		ChapterOutline nine = new ChapterOutline(9, "Reckoning",
				"Mara confronts Hale with the salvage ledger and the Petrel's log.", List.of(), "Mara Voss");
		chapters.set(8, nine);
		ContextRequest request = new ContextRequest(StoryFixtures.lighthouseBible(), new Outline("", chapters), nine,
				null, summaries, StoryFixtures.CHAPTER_ONE.repeat(8), "You are a novelist.", "Write chapter 9.");
		int full = this.assembler.assemble(request, new ContextBudget(100_000, 1600, 3)).estimatedTokens();

		List<String> trims = this.assembler.assemble(request, new ContextBudget(full / 4, 1600, 3)).trims();

		List<String> kinds = trims.stream().map((t) -> t.replaceAll(":.*", "")).distinct().toList();
		assertThat(kinds).startsWith("summary-one-line", "outline-neighbours-only", "drop-lore",
				"shorten-previous-tail");
		assertThat(trims.subList(0, 5)).containsExactly("summary-one-line:1", "summary-one-line:2",
				"summary-one-line:3", "summary-one-line:4", "summary-one-line:5");
		assertThat(trims).contains("drop-lore:the Petrel", "drop-lore:salvage ledger");
		assertThat(trims.indexOf("drop-lore:the Petrel")).isLessThan(trims.indexOf("drop-lore:salvage ledger") + 2);
	}

	@Test
	void aGenerousBudgetTrimsNothing() {
		AssembledContext context = this.assembler.assemble(chapter3(StoryFixtures.CHAPTER_ONE), ContextBudget.DEFAULT);

		assertThat(context.trims()).isEmpty();
		assertThat(context.system()).contains("Point of view: third person limited (Mara)")
			.contains("A passage in the author's voice");
		assertThat(context.user()).contains("# Outline of the book (three-act)").endsWith("Write chapter 3.");
	}

	private static ContextRequest request(RandomBook book) {
		return new ContextRequest(book.bible(), book.outline(), book.chapter(), book.plan(), book.summaries(),
				book.previousText(), "You are a novelist writing a book.", "Write the next chapter.");
	}

}
