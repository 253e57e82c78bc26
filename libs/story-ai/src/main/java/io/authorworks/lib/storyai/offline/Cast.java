package io.authorworks.lib.storyai.offline;

import java.util.List;
import java.util.Map;

import io.authorworks.lib.storyai.story.LoreItem;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.StoryCharacter;
import io.authorworks.lib.storyai.story.Texts;

/**
 * The bible's people, places and things bound to the roles that structure templates name,
 * with plain stand-ins where the bible has none yet.
 */
record Cast(String protagonist, String antagonist, String ally, String mentor, String home, String away, String heart,
		String thing, String hook) {

	static Cast of(StoryBible bible) {
		List<StoryCharacter> people = bible.characters();
		String protagonist = bible.characterWithRole("protagonist")
			.or(() -> bible.characterWithRole("hero"))
			.map(StoryCharacter::name)
			.orElse(people.isEmpty() ? "the protagonist" : people.getFirst().name());
		String antagonist = bible.characterWithRole("antagonist")
			.or(() -> bible.characterWithRole("villain"))
			.or(() -> bible.characterWithRole("rival"))
			.map(StoryCharacter::name)
			.orElse(people.size() > 2 ? people.getLast().name() : "the opposition");
		String ally = bible.characterWithRole("ally")
			.or(() -> bible.characterWithRole("friend"))
			.or(() -> bible.characterWithRole("love"))
			.map(StoryCharacter::name)
			.orElse(other(people, protagonist, antagonist, "an unlikely friend"));
		String mentor = bible.characterWithRole("mentor").map(StoryCharacter::name).orElse(ally);
		List<String> places = bible.locations().stream().map((l) -> l.name()).toList();
		String home = place(places, 0, "home");
		String away = place(places, 1, "the unfamiliar world");
		String heart = place(places, 2, places.isEmpty() ? "the heart of it all" : away);
		String thing = bible.lore().stream().map(LoreItem::name).findFirst().orElse("the secret");
		String hook = Texts.firstSentence(bible.premise());
		if (hook.isEmpty()) {
			hook = protagonist + " is pulled out of the ordinary.";
		}
		return new Cast(protagonist, antagonist, ally, mentor, home, away, heart, thing, hook);
	}

	private static String other(List<StoryCharacter> people, String protagonist, String antagonist, String fallback) {
		return people.stream()
			.map(StoryCharacter::name)
			.filter((name) -> !name.equals(protagonist) && !name.equals(antagonist))
			.findFirst()
			.orElse(fallback);
	}

	private static String place(List<String> places, int index, String fallback) {
		return (index < places.size()) ? places.get(index) : fallback;
	}

	/** Fills a structure template. */
	String fill(String template) {
		Map<String, String> values = Map.of("{P}", this.protagonist, "{A}", this.antagonist, "{L}", this.ally, "{M}",
				this.mentor, "{home}", this.home, "{away}", this.away, "{heart}", this.heart, "{thing}", this.thing,
				"{hook}", this.hook);
		String text = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace(value.getKey(), value.getValue());
		}
		return capitalize(text);
	}

	static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
