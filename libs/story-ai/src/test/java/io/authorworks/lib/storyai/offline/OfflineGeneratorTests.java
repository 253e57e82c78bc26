package io.authorworks.lib.storyai.offline;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.authorworks.lib.storyai.CancellationToken;
import io.authorworks.lib.storyai.GenerationCancelledException;
import io.authorworks.lib.storyai.GenerationRequest;
import io.authorworks.lib.storyai.GenerationResult;
import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.RecordingSink;
import io.authorworks.lib.storyai.Step;
import io.authorworks.lib.storyai.StoryFixtures;
import io.authorworks.lib.storyai.TokenSink;
import io.authorworks.lib.storyai.prompt.Parsed;
import io.authorworks.lib.storyai.prompt.StructuredOutput;
import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.StoryCharacter;
import io.authorworks.lib.storyai.story.StyleGuide;
import io.authorworks.lib.storyai.story.Texts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OfflineGeneratorTests {

	private static final String PREMISE = "When Mara Voss, a lighthouse keeper's daughter in Saltmarsh Point, learns that "
			+ "Admiral Hale lied about the wreck of the Petrel, she sails to Port Ansel with her friend Tobias to uncover "
			+ "the truth.";

	private final OfflineGenerator offline = new OfflineGenerator();

	private GenerationResult run(GenerationTask task, long seed, TokenSink sink) {
		return this.offline.generate(GenerationRequest.builder(OfflineGenerator.MODEL)
			.user("(prompt for " + task.step().key() + ")")
			.task(task)
			.seed(seed)
			.maxOutputTokens(400)
			.build(), sink);
	}

	private String text(GenerationTask task, long seed) {
		return run(task, seed, TokenSink.IGNORE).text();
	}

	@Test
	void labelsItsOutputAndStreamsItWordByWord() {
		RecordingSink sink = new RecordingSink();
		GenerationResult result = run(new GenerationTask.SummarizeChapter(1, "The Letter", StoryFixtures.CHAPTER_ONE),
				1, sink);

		assertThat(result.offline()).isTrue();
		assertThat(result.notice()).isEqualTo(GenerationResult.OFFLINE_NOTICE);
		assertThat(result.provider()).isEqualTo("offline");
		assertThat(sink.text()).isEqualTo(result.text());
		assertThat(sink.deltas).hasSize(Texts.wordCount(result.text()));
		assertThat(result.usage().estimated()).isTrue();
	}

	@Test
	void saysWhyWhenItHadTooLittleOfTheAuthorsTextToContinue() {
		StoryBible noSample = new StoryBible("The Lamp Room", "", "", List.of(), "", StyleGuide.DEFAULT, List.of(),
				List.of(), List.of(), "");
		GenerationResult result = run(
				new GenerationTask.SelectionEdit(Step.CONTINUE, "", "Mara climbed the stair.", "", "", noSample), 1,
				new RecordingSink());

		assertThat(result.text()).isEmpty();
		assertThat(result.notice()).isEqualTo(GenerationResult.OFFLINE_TOO_LITTLE_TEXT);
	}

	@Test
	void isDeterministicForTheSameInputAndSeed() {
		StoryBible bible = StoryFixtures.lighthouseBible();
		Outline outline = StoryFixtures.lighthouseOutline();
		ChapterOutline chapter = outline.chapter(3).orElseThrow();
		ChapterPlan plan = Outliner.plan(bible, chapter, 3);
		List<GenerationTask> tasks = List.of(new GenerationTask.BibleFromPremise("", PREMISE, List.of(), ""),
				new GenerationTask.OutlineBook(bible, 7, "save-the-cat"), new GenerationTask.Synopsis(bible, outline),
				new GenerationTask.PlanChapter(bible, outline, chapter, List.of(), ""),
				new GenerationTask.DraftChapter(bible, outline, chapter, plan, StoryFixtures.lighthouseSummaries(),
						StoryFixtures.CHAPTER_ONE, 600),
				new GenerationTask.SummarizeChapter(1, "The Letter", StoryFixtures.CHAPTER_ONE),
				edit(Step.CONTINUE, ""), edit(Step.REWRITE, StoryFixtures.SAMPLE),
				edit(Step.EXPAND, StoryFixtures.SAMPLE), edit(Step.SHORTEN, StoryFixtures.SAMPLE),
				edit(Step.DESCRIBE, "the Admiralty Archive"), edit(Step.BRAINSTORM, StoryFixtures.SAMPLE));
		for (GenerationTask task : tasks) {
			assertThat(text(task, 42)).as(task.step().key()).isEqualTo(text(task, 42)).isNotBlank();
		}
		assertThat(text(edit(Step.CONTINUE, ""), 1)).isNotEqualTo(text(edit(Step.CONTINUE, ""), 2));
	}

	@Test
	void outlinesFollowEachStructureForAnyChapterCount() {
		StoryBible bible = StoryFixtures.lighthouseBible();
		for (StoryStructure structure : StoryStructure.ALL) {
			for (int chapters : new int[] { 1, 3, 5, 12, 30 }) {
				Outline outline = OfflineGenerator
					.outline(new GenerationTask.OutlineBook(bible, chapters, structure.key()), 9);

				assertThat(outline.structure()).isEqualTo(structure.key());
				assertThat(outline.chapters()).hasSize(chapters);
				assertThat(outline.chapters()).extracting(ChapterOutline::number)
					.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, chapters).boxed().toList());
				assertThat(outline.chapters()).allSatisfy((c) -> {
					assertThat(c.beats()).hasSizeGreaterThanOrEqualTo(2);
					assertThat(c.pov()).isEqualTo("Mara Voss");
				});
				assertThat(new HashSet<>(outline.chapters().stream().map(ChapterOutline::title).toList()))
					.hasSize(chapters);
				String all = outline.chapters().toString();
				assertThat(all).doesNotContain("{P}").doesNotContain("{A}").doesNotContain("{away}");
			}
		}
		Outline threeAct = OfflineGenerator.outline(new GenerationTask.OutlineBook(bible, 9, "three-act"), 1);
		assertThat(threeAct.chapters().getFirst().beats().getFirst().title()).isEqualTo("Setup");
		assertThat(threeAct.chapters().getFirst().summary()).contains("Mara Voss").contains("Saltmarsh Point");
		assertThat(threeAct.chapters().get(7).summary()).contains("Admiral Hale");
		assertThat(threeAct.chapters().getLast().beats().getFirst().title()).isEqualTo("Resolution");
	}

	@Test
	void theOutlineJsonParsesLikeAModelAnswer() {
		String json = text(new GenerationTask.OutlineBook(StoryFixtures.lighthouseBible(), 5, "heros-journey"), 3);

		Parsed<Outline> parsed = StructuredOutput.outline(json, 5);

		assertThat(parsed).isInstanceOf(Parsed.Valid.class);
		assertThat(((Parsed.Valid<Outline>) parsed).repairs()).isEmpty();
	}

	@Test
	void scaffoldsABibleFromThePremisesOwnNames() {
		String json = text(new GenerationTask.BibleFromPremise("", PREMISE, List.of(), ""), 5);
		StoryBible bible = ((Parsed.Valid<StoryBible>) StructuredOutput.bible(json)).value();

		assertThat(bible.characters()).extracting(StoryCharacter::name)
			.startsWith("Mara Voss", "Admiral Hale", "Tobias");
		assertThat(bible.character("Mara Voss").orElseThrow().role()).isEqualTo("protagonist");
		assertThat(bible.character("Admiral Hale").orElseThrow().role()).isEqualTo("antagonist");
		assertThat(bible.character("Tobias").orElseThrow().role()).isEqualTo("ally");
		assertThat(bible.locations()).extracting((l) -> l.name()).containsExactly("Saltmarsh Point", "Port Ansel");
		assertThat(bible.lore()).extracting((l) -> l.name()).containsExactly("the Petrel");
		assertThat(bible.genres()).containsExactly("mystery");
		assertThat(bible.style().pointOfView()).isEqualTo("third person limited (Mara Voss)");
		assertThat(bible.characters()).allSatisfy((c) -> assertThat(c.arc()).isNotBlank());
		assertThat(bible.notes()).contains("offline");
	}

	@Test
	void proposesTheRolesAPremiseLeavesOpen() {
		StoryBible bible = OfflineGenerator.bible(
				new GenerationTask.BibleFromPremise("", "A dragon wakes beneath a quiet village.", List.of(), ""), 1);

		assertThat(bible.characters()).extracting(StoryCharacter::role)
			.containsExactly("protagonist", "antagonist", "ally");
		// Invented names, so the prose reads as prose, marked as proposals and stable per
		// seed.
		assertThat(bible.characters()).allSatisfy((c) -> assertThat(c.description()).startsWith("Proposed: "));
		assertThat(bible.characters()).extracting(StoryCharacter::name)
			.allMatch((name) -> name.matches("\\p{Lu}\\p{L}+ \\p{Lu}\\p{L}+"))
			.doesNotHaveDuplicates();
		assertThat(OfflineGenerator
			.bible(new GenerationTask.BibleFromPremise("", "A dragon wakes beneath a quiet village.", List.of(), ""), 1)
			.characters()).isEqualTo(bible.characters());
		assertThat(bible.genres()).containsExactly("fantasy");
	}

	@Test
	void continuesWithTheAuthorsOwnWords() {
		String before = StoryFixtures.CHAPTER_ONE + "\n\n" + StoryFixtures.SAMPLE;
		String continuation = text(edit(Step.CONTINUE, ""), 7);

		Set<String> authorWords = new HashSet<>(words(before));
		assertThat(Texts.wordCount(continuation)).isGreaterThan(30);
		assertThat(words(continuation)).allSatisfy((word) -> assertThat(authorWords).contains(word));
	}

	@Test
	void draftsAChapterFromThePlanNearTheTargetLength() {
		StoryBible bible = StoryFixtures.lighthouseBible();
		Outline outline = StoryFixtures.lighthouseOutline();
		ChapterOutline chapter = outline.chapter(3).orElseThrow();
		ChapterPlan plan = Outliner.plan(bible, chapter, 3);

		String prose = text(new GenerationTask.DraftChapter(bible, outline, chapter, plan,
				StoryFixtures.lighthouseSummaries(), StoryFixtures.CHAPTER_ONE, 800), 11);

		assertThat(Texts.wordCount(prose)).isBetween(500, 1100);
		assertThat(prose).contains("* * *").contains("The Admiralty Archive").contains("Mara Voss");
		assertThat(plan.scenes()).hasSize(2);
		assertThat(plan.scenes().getFirst().characters()).contains("Mara Voss", "Tobias Wren");
	}

	@Test
	void selectionOperationsAreSimpleDeterministicTransformations() {
		String flat = "She was very tired. She began to walk home. The night was really dark and very cold.";
		String rewritten = text(edit(Step.REWRITE, flat), 1);
		assertThat(rewritten).contains("exhausted")
			.contains("walk home")
			.contains("pitch-dark")
			.contains("freezing")
			.doesNotContain("very")
			.doesNotContain("began to");

		String wordy = "She actually just quietly walked very slowly to the old harbour (which was, frankly, quite far). "
				+ "She really wanted to see the boats. The boats were basically all gone. She was sadly alone. "
				+ "Gulls wheeled noisily overhead and the wind suddenly picked up from the sea.";
		String shorter = text(edit(Step.SHORTEN, wordy), 1);
		assertThat(Texts.wordCount(shorter)).isLessThanOrEqualTo((int) Math.round(Texts.wordCount(wordy) * 0.6));
		assertThat(shorter).doesNotContain("actually").doesNotContain("(which");

		String expanded = text(edit(Step.EXPAND, "Mara climbed to the lamp room at Saltmarsh Point."), 1);
		assertThat(Texts.wordCount(expanded)).isGreaterThanOrEqualTo(2 * 9);
		assertThat(expanded).contains("A lighthouse on a spit of rock.");

		String description = text(edit(Step.DESCRIBE, "the Admiralty Archive"), 1);
		assertThat(description).startsWith("Stacks of salvage ledgers.");

		String ideas = text(edit(Step.BRAINSTORM, "Tobias kept watch while Mara searched."), 1);
		assertThat(ideas.lines()).hasSize(7).allSatisfy((line) -> assertThat(line).startsWith("- "));
		assertThat(ideas).contains("Tobias Wren").doesNotContain("{");
	}

	@Test
	void stopsWhenCancelled() {
		CancellationToken token = CancellationToken.create();
		TokenSink cancelAfterTen = new TokenSink() {

			int count;

			@Override
			public void onText(String delta) {
				if (++this.count == 10) {
					token.cancel();
				}
			}

		};
		GenerationRequest request = GenerationRequest.builder(OfflineGenerator.MODEL)
			.user("x")
			.task(new GenerationTask.SummarizeChapter(1, "", StoryFixtures.CHAPTER_ONE))
			.cancellation(token)
			.build();

		assertThatExceptionOfType(GenerationCancelledException.class)
			.isThrownBy(() -> this.offline.generate(request, cancelAfterTen));
	}

	@Test
	void summariesAreTheChaptersOwnKeySentences() {
		String summary = text(new GenerationTask.SummarizeChapter(1, "The Letter", StoryFixtures.CHAPTER_ONE), 1);

		assertThat(Texts.sentences(summary)).hasSizeLessThanOrEqualTo(4)
			.allSatisfy((s) -> assertThat(StoryFixtures.CHAPTER_ONE.replaceAll("\\s+", " ")).contains(s));
		assertThat(summary).contains("Petrel");
	}

	private static GenerationTask.SelectionEdit edit(Step step, String selection) {
		String before = (step == Step.CONTINUE) ? StoryFixtures.CHAPTER_ONE + "\n\n" + StoryFixtures.SAMPLE : "";
		return new GenerationTask.SelectionEdit(step, selection, before, "", "", StoryFixtures.lighthouseBible());
	}

	private static List<String> words(String text) {
		return Texts.words(text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s']", " "));
	}

}
