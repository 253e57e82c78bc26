package io.authorworks.lib.storyai.story;

/**
 * The rolling summary of one written chapter, refreshed when the chapter changes.
 *
 * @param number the chapter number
 * @param title the chapter title
 * @param summary what happened, in a paragraph
 */
public record ChapterSummary(int number, String title, String summary) {

	public ChapterSummary {
		title = Texts.orEmpty(title);
		summary = Texts.orEmpty(summary);
	}

}
