package io.authorworks.worker.content.job;

import java.util.Optional;

import io.authorworks.lib.storyai.offline.OfflineGenerator;
import io.authorworks.lib.storyai.story.ChapterSummary;
import org.jspecify.annotations.Nullable;

/**
 * Which summary of an earlier chapter goes into a prompt. A model's summary is used while
 * it still describes the chapter: it was written for the chapter's current revision.
 * Otherwise (the author edited the chapter since, or wrote it and it was never
 * summarised) the chapter is summarised from its current text without a model, which is
 * free and immediate; the next generation job that summarises it replaces that again.
 */
final class RollingSummaries {

	private RollingSummaries() {
	}

	/**
	 * The summary for one chapter, or empty for a chapter with no text yet.
	 * @param number the chapter's position in the book
	 * @param title its title
	 * @param text its current Markdown
	 * @param summary the stored summary, if any
	 * @param summarized the revision the stored summary was written for
	 * @param revision the chapter's current revision
	 */
	static Optional<ChapterSummary> of(int number, String title, @Nullable String text, @Nullable String summary,
			@Nullable Integer summarized, @Nullable Integer revision) {
		if (summary != null && !summary.isBlank() && summarized != null
				&& (revision == null || summarized >= revision)) {
			return Optional.of(new ChapterSummary(number, title, summary));
		}
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		return Optional.of(new ChapterSummary(number, title, OfflineGenerator.summary(text)));
	}

}
