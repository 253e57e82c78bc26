package io.authorworks.worker.content.job;

import io.authorworks.lib.storyai.story.ChapterSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollingSummariesTests {

	private static final String EDITED = """
			Mara rowed out to the Petrel at first light. The hull was split along the keel.
			Inside, the logbook was dry, and its last entry was written in her sister's hand.
			She read it twice. Then she burned it in the lamp room, where nobody would ask.""";

	@Test
	void aModelsSummaryIsUsedWhileItDescribesTheCurrentRevision() {
		assertThat(RollingSummaries.of(1, "The Wreck", EDITED, "Mara finds the wreck.", 3, 3))
			.contains(new ChapterSummary(1, "The Wreck", "Mara finds the wreck."));
	}

	@Test
	void aChapterEditedSinceItsSummaryIsSummarisedFromItsTextAsItIsNow() {
		ChapterSummary summary = RollingSummaries.of(1, "The Wreck", EDITED, "Mara never reaches the wreck.", 3, 4)
			.orElseThrow();

		assertThat(summary.summary()).doesNotContain("never reaches").contains("Petrel");
		assertThat(summary.title()).isEqualTo("The Wreck");
	}

	@Test
	void aChapterTheAuthorWroteIsSummarisedToo() {
		assertThat(RollingSummaries.of(2, "Ashore", EDITED, null, null, 1))
			.hasValueSatisfying((summary) -> assertThat(summary.summary()).isNotBlank().contains("Mara"));
	}

	@Test
	void anEmptyChapterAddsNothing() {
		assertThat(RollingSummaries.of(3, "Untitled", "  ", null, null, 1)).isEmpty();
	}

}
