package io.authorworks.lib.storyai.prompt;

import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.StoryBible;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StructuredOutputTests {

	@Test
	void readsAnOutlineWrappedInProseAndAFence() {
		String answer = """
				Here is the outline you asked for:
				```json
				{"structure": "three-act", "chapters": [
				  {"number": 1, "title": "The Letter", "summary": "Mara gets the letter.", "pov": "Mara",
				   "beats": [{"title": "Arrival", "description": "Tobias brings it."}]},
				  {"number": 2, "title": "Port Ansel", "summary": "She goes.", "pov": "Mara", "beats": ["She meets Hale."]},
				]}
				```
				Let me know if you want changes!""";

		Parsed<Outline> parsed = StructuredOutput.outline(answer, 2);

		assertThat(parsed).isInstanceOf(Parsed.Valid.class);
		Parsed.Valid<Outline> valid = (Parsed.Valid<Outline>) parsed;
		assertThat(valid.value().chapters()).hasSize(2);
		assertThat(valid.value().chapters().get(1).beats().getFirst().description()).isEqualTo("She meets Hale.");
		assertThat(valid.repairs()).contains("removed a Markdown fence");
	}

	@Test
	void closesAnAnswerCutOffByTheOutputLimit() {
		String truncated = "{\"chapters\": [{\"title\": \"One\", \"summary\": \"Start\", \"beats\": []},"
				+ " {\"title\": \"Two\", \"summary\": \"The middle of the bo";

		Parsed<Outline> parsed = StructuredOutput.outline(truncated, 2);

		assertThat(parsed).isInstanceOf(Parsed.Valid.class);
		Parsed.Valid<Outline> valid = (Parsed.Valid<Outline>) parsed;
		assertThat(valid.value().chapters()).extracting((c) -> c.title()).containsExactly("One", "Two");
		assertThat(valid.repairs()).contains("closed a truncated answer");
	}

	@Test
	void renumbersChaptersAndCutsExtras() {
		String answer = "{\"chapters\": [{\"number\": 7, \"title\": \"A\"}, {\"number\": 3, \"title\": \"B\"},"
				+ " {\"title\": \"\"}, {\"title\": \"C\"}]}";

		Parsed.Valid<Outline> valid = (Parsed.Valid<Outline>) StructuredOutput.outline(answer, 2);

		assertThat(valid.value().chapters()).extracting((c) -> c.number()).containsExactly(1, 2);
		assertThat(valid.value().chapters()).extracting((c) -> c.title()).containsExactly("A", "B");
	}

	@Test
	void tooFewChaptersIsInvalidWithAReason() {
		Parsed<Outline> parsed = StructuredOutput.outline("{\"chapters\": [{\"title\": \"Only\"}]}", 5);

		assertThat(parsed)
			.isEqualTo(new Parsed.Invalid<Outline>("The outline has 1 usable chapters, 5 were asked for."));
	}

	@Test
	void proseIsNotJson() {
		assertThat(StructuredOutput.outline("I'm sorry, I can't outline that.", 3)).isInstanceOf(Parsed.Invalid.class);
		assertThat(StructuredOutput.bible("{not json at all")).isInstanceOf(Parsed.Invalid.class);
	}

	@Test
	void readsABibleWithSloppyFields() {
		String answer = """
				{title: 'The Salt Ledger', genres: "mystery, historical",
				 // the model added a comment
				 characters: [{name: "Mara Voss", traits: "stubborn; meticulous", role: "protagonist"},
				              {role: "nameless"}],
				 locations: [{name: "Saltmarsh Point"}], lore: [], style: {tense: "past"}}""";

		Parsed.Valid<StoryBible> valid = (Parsed.Valid<StoryBible>) StructuredOutput.bible(answer);

		assertThat(valid.value().genres()).containsExactly("mystery", "historical");
		assertThat(valid.value().characters()).hasSize(1);
		assertThat(valid.value().characters().getFirst().traits()).containsExactly("stubborn", "meticulous");
		assertThat(valid.value().style().tense()).isEqualTo("past");
	}

	@Test
	void aBibleWithoutCharactersIsInvalid() {
		assertThat(StructuredOutput.bible("{\"title\": \"x\", \"characters\": []}")).isInstanceOf(Parsed.Invalid.class);
	}

	@Test
	void readsAChapterPlanGivenAsABareArray() {
		String answer = "[{\"title\": \"Night entry\", \"pov\": \"Mara\", \"characters\": [\"Mara\", \"Tobias\"],"
				+ " \"goal\": \"find the ledger\"}]";

		Parsed.Valid<ChapterPlan> valid = (Parsed.Valid<ChapterPlan>) StructuredOutput.chapterPlan(answer, 3,
				"The Archive");

		assertThat(valid.value().number()).isEqualTo(3);
		assertThat(valid.value().title()).isEqualTo("The Archive");
		assertThat(valid.value().scenes().getFirst().characters()).containsExactly("Mara", "Tobias");
	}

}
