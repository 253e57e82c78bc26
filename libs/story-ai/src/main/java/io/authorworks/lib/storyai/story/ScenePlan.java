package io.authorworks.lib.storyai.story;

import java.util.List;

/**
 * One scene of a chapter plan.
 *
 * @param title a few words
 * @param pov whose point of view
 * @param location where it happens
 * @param characters who is present
 * @param goal what the point-of-view character wants here
 * @param conflict what stands in the way
 * @param outcome how the scene ends and what changed
 */
public record ScenePlan(String title, String pov, String location, List<String> characters, String goal,
		String conflict, String outcome) {

	public ScenePlan {
		title = Texts.orEmpty(title);
		pov = Texts.orEmpty(pov);
		location = Texts.orEmpty(location);
		characters = Texts.cleanList(characters);
		goal = Texts.orEmpty(goal);
		conflict = Texts.orEmpty(conflict);
		outcome = Texts.orEmpty(outcome);
	}

}
