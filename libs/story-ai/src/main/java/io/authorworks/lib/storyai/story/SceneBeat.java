package io.authorworks.lib.storyai.story;

/**
 * One step of a chapter's action in the outline.
 *
 * @param title a few words
 * @param description what happens
 */
public record SceneBeat(String title, String description) {

	public SceneBeat {
		title = Texts.orEmpty(title);
		description = Texts.orEmpty(description);
	}

}
