package io.authorworks.lib.storyai.story;

import java.util.List;

/**
 * A place in the story.
 *
 * @param name the name the text uses most
 * @param aliases other names
 * @param description what it is like
 */
public record Location(String name, List<String> aliases, String description) implements BibleEntry {

	public Location {
		name = Texts.required(name, "name");
		aliases = Texts.cleanList(aliases);
		description = Texts.orEmpty(description);
	}

}
