package io.authorworks.lib.storyai.prompt;

import java.util.Map;

import io.authorworks.lib.storyai.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PromptLibraryTests {

	private final PromptLibrary library = PromptLibrary.current();

	@Test
	void hasATemplateForEveryStep() {
		for (Step step : Step.values()) {
			PromptTemplate template = this.library.template(step);
			assertThat(template.system()).as(step.key()).isNotBlank();
			assertThat(template.user()).as(step.key()).isNotBlank();
			assertThat(template.id()).isEqualTo(step.key() + "@v2");
		}
	}

	@Test
	void earlierVersionsStayLoadableSoOldGenerationsCanBeTraced() {
		PromptLibrary first = PromptLibrary.load(1);
		for (Step step : Step.values()) {
			assertThat(first.template(step).id()).isEqualTo(step.key() + "@v1");
		}
		assertThat(first.template(Step.BIBLE).user()).contains("Give 4 to 8 characters")
			.isNotEqualTo(this.library.template(Step.BIBLE).user());
	}

	@Test
	void structuredStepsAskForJson() {
		for (Step step : Step.values()) {
			String text = this.library.template(step).system() + this.library.template(step).user();
			assertThat(text.contains("JSON")).as(step.key()).isEqualTo(step.structured());
		}
	}

	@Test
	void renderingFillsEveryPlaceholderAndRefusesMissingOnes() {
		PromptTemplate summary = this.library.template(Step.CHAPTER_SUMMARY);
		assertThat(summary.variables()).containsExactly("number", "title", "text");

		PromptTemplate.RenderedPrompt prompt = summary
			.render(Map.of("number", "3", "title", "The Archive", "text", "Mara searched. {{not a placeholder}}"));

		assertThat(prompt.user()).startsWith("Chapter 3: The Archive").contains("{{not a placeholder}}");
		assertThat(prompt.templateId()).isEqualTo("chapter-summary@v2");
		assertThatIllegalArgumentException().isThrownBy(() -> summary.render(Map.of("number", "3")))
			.withMessage("No value for {{title}}");
	}

}
