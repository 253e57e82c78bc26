package io.authorworks.lib.storyai.story;

import java.util.ArrayList;
import java.util.List;

/**
 * Something in the story bible that the text can mention by name or alias.
 */
public sealed interface BibleEntry permits StoryCharacter, Location, LoreItem {

	String name();

	List<String> aliases();

	String description();

	/** The name followed by the aliases, the ways the text can refer to this entry. */
	default List<String> names() {
		List<String> names = new ArrayList<>();
		names.add(name());
		names.addAll(aliases());
		return names;
	}

}
