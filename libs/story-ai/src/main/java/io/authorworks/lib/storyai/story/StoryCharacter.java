package io.authorworks.lib.storyai.story;

import java.util.List;

/**
 * A person (or creature) in the story.
 *
 * @param name the name the text uses most
 * @param aliases other names, nicknames and titles
 * @param role protagonist, antagonist, mentor, ally, …
 * @param description who they are
 * @param traits a few defining traits
 * @param arc how they change over the book
 */
public record StoryCharacter(String name, List<String> aliases, String role, String description, List<String> traits,
		String arc) implements BibleEntry {

	public StoryCharacter {
		name = Texts.required(name, "name");
		aliases = Texts.cleanList(aliases);
		role = Texts.orEmpty(role);
		description = Texts.orEmpty(description);
		traits = Texts.cleanList(traits);
		arc = Texts.orEmpty(arc);
	}

}
