package io.authorworks.lib.storyai.story;

import java.util.List;

/**
 * The scene-by-scene plan a chapter's prose is written from.
 *
 * @param number the chapter number
 * @param title the chapter title
 * @param scenes the scenes in order
 */
public record ChapterPlan(int number, String title, List<ScenePlan> scenes) {

	public ChapterPlan {
		title = Texts.orEmpty(title);
		scenes = (scenes != null) ? List.copyOf(scenes) : List.of();
	}

}
