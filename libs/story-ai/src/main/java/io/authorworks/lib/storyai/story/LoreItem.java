package io.authorworks.lib.storyai.story;

import java.util.List;

/**
 * An object, institution, custom or rule of the story's world.
 *
 * @param name the name the text uses most
 * @param aliases other names
 * @param description what it is and why it matters
 */
public record LoreItem(String name, List<String> aliases, String description) implements BibleEntry {

	public LoreItem {
		name = Texts.required(name, "name");
		aliases = Texts.cleanList(aliases);
		description = Texts.orEmpty(description);
	}

}
