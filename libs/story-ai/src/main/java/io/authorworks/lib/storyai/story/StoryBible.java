package io.authorworks.lib.storyai.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Everything the AI must know about a book to keep it consistent.
 *
 * @param title the book's title
 * @param premise the idea in a few sentences
 * @param synopsis the whole plot in a few paragraphs, empty until written
 * @param genres for example "fantasy", "mystery"
 * @param tone for example "wry", "dark", "hopeful"
 * @param style point of view, tense, voice and a sample passage
 * @param characters the people of the story
 * @param locations the places
 * @param lore objects, institutions and rules of the world
 * @param notes anything else the author wants the AI to respect
 */
public record StoryBible(String title, String premise, String synopsis, List<String> genres, String tone,
		StyleGuide style, List<StoryCharacter> characters, List<Location> locations, List<LoreItem> lore,
		String notes) {

	public StoryBible {
		title = Texts.orEmpty(title);
		premise = Texts.orEmpty(premise);
		synopsis = Texts.orEmpty(synopsis);
		genres = Texts.cleanList(genres);
		tone = Texts.orEmpty(tone);
		style = (style != null) ? style : StyleGuide.DEFAULT;
		characters = (characters != null) ? List.copyOf(characters) : List.of();
		locations = (locations != null) ? List.copyOf(locations) : List.of();
		lore = (lore != null) ? List.copyOf(lore) : List.of();
		notes = Texts.orEmpty(notes);
	}

	/** A bible that only knows its premise. */
	public static StoryBible ofPremise(String title, String premise) {
		return new StoryBible(title, premise, "", List.of(), "", StyleGuide.DEFAULT, List.of(), List.of(), List.of(),
				"");
	}

	/** Every entry, characters first, then locations, then lore, each in bible order. */
	public List<BibleEntry> entries() {
		List<BibleEntry> entries = new ArrayList<>(this.characters);
		entries.addAll(this.locations);
		entries.addAll(this.lore);
		return entries;
	}

	/** The character with this name or alias, ignoring case. */
	public Optional<StoryCharacter> character(@Nullable String nameOrAlias) {
		if (nameOrAlias == null || nameOrAlias.isBlank()) {
			return Optional.empty();
		}
		String wanted = nameOrAlias.strip();
		return this.characters.stream()
			.filter((c) -> c.names().stream().anyMatch((n) -> n.equalsIgnoreCase(wanted)))
			.findFirst();
	}

	/** The first character whose role contains the word, ignoring case. */
	public Optional<StoryCharacter> characterWithRole(String role) {
		return this.characters.stream().filter((c) -> Texts.containsWord(c.role(), role)).findFirst();
	}

	public StoryBible withSynopsis(String newSynopsis) {
		return new StoryBible(this.title, this.premise, newSynopsis, this.genres, this.tone, this.style,
				this.characters, this.locations, this.lore, this.notes);
	}

}
