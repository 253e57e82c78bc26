package io.authorworks.lib.storyai.story;

import java.util.List;

/**
 * A chapter as the outline describes it.
 *
 * @param number 1-based position in the book
 * @param title the chapter title
 * @param summary what the chapter does for the story, in a sentence or two
 * @param beats the scene beats in order
 * @param pov the point-of-view character's name, empty when the style guide decides
 */
public record ChapterOutline(int number, String title, String summary, List<SceneBeat> beats, String pov) {

	public ChapterOutline {
		if (number < 1) {
			throw new IllegalArgumentException("Chapter numbers start at 1");
		}
		title = Texts.orEmpty(title);
		summary = Texts.orEmpty(summary);
		beats = (beats != null) ? List.copyOf(beats) : List.of();
		pov = Texts.orEmpty(pov);
	}

}
