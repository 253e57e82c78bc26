package io.authorworks.lib.storyai.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.story.Location;
import io.authorworks.lib.storyai.story.LoreItem;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.StoryCharacter;
import io.authorworks.lib.storyai.story.StyleGuide;

/**
 * A story bible scaffolded from a premise: names and places are taken from the author's
 * own words (capitalised phrases, classified by the words around them), genre and tone
 * are guessed from keywords unless given, and roles and arcs are proposed from templates.
 * Proposed characters the premise does not name are marked as such.
 */
final class BibleScaffolder {

	private static final Pattern PROPER = Pattern.compile(
			"(?<![\\p{L}'’])(\\p{Lu}[\\p{L}’'\\-]*(?:\\s+(?:of|de|van|von|the|la|le)?\\s*\\p{Lu}[\\p{L}’'\\-]*)*)");

	private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "When", "After", "Before",
			"Her", "His", "She", "He", "They", "It", "This", "That", "But", "And", "Or", "If", "As", "So", "Then",
			"While", "With", "Without", "From", "To", "For", "Of", "By", "One", "Two", "Three", "Years", "Now", "Only",
			"Every", "All", "Some", "No", "Not", "Their", "There", "Its", "I", "We", "You", "My", "Our", "Your",
			"Until", "Once", "Where", "Who", "What", "Why", "How", "Soon", "Later", "Meanwhile", "Yet", "Still", "Even",
			"Each", "Nobody", "Everyone", "Someone", "Something", "Nothing", "Monday", "Tuesday", "Wednesday",
			"Thursday", "Friday", "Saturday", "Sunday", "God");

	private static final Set<String> PLACE_WORDS = Set.of("city", "town", "village", "forest", "wood", "woods",
			"mountain", "mountains", "river", "sea", "ocean", "island", "isle", "isles", "kingdom", "empire", "street",
			"port", "bay", "castle", "tower", "hall", "academy", "school", "station", "point", "harbour", "harbor",
			"valley", "desert", "lake", "market", "abbey", "palace", "keep", "bridge", "gate", "county", "republic",
			"coast", "marsh", "moor", "hills", "plains", "reach", "district", "quarter", "house", "manor", "colony",
			"planet", "moon", "archive", "library", "cathedral", "temple", "citadel", "fortress", "prison", "ship");

	private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "to", "from", "near", "across", "into",
			"through", "beyond", "under", "over", "inside", "outside", "toward", "towards", "around", "leaves", "leave",
			"reach", "reaches", "visit", "visits", "enter", "enters", "returns");

	private static final Map<String, String> GENRES = new LinkedHashMap<>();

	static {
		GENRES.put("dragon|magic|wizard|witch|sword|kingdom|prophecy|spell|fae|elves", "fantasy");
		GENRES.put("murder|detective|killer|case|clue|missing|disappear|police|inspector|uncover|truth|lied|secret",
				"mystery");
		GENRES.put("ship|planet|star|space|android|robot|colony|galaxy|ai\\b|quantum|future", "science fiction");
		GENRES.put("love|romance|heart|wedding|falls for|lover", "romance");
		GENRES.put("ghost|haunt|demon|curse|horror|blood|dead|terror", "horror");
		GENRES.put("spy|agent|conspiracy|assassin|heist|chase|bomb", "thriller");
		GENRES.put("war|century|18\\d\\d|19\\d\\d|victorian|empire|admiral|revolution", "historical");
	}

	private static final Map<String, String> TONES = Map.of("fantasy", "wondrous, with an edge of danger", "mystery",
			"tense, observant, wry", "science fiction", "curious and uneasy", "romance", "warm, yearning, witty",
			"horror", "dread that builds slowly", "thriller", "taut and fast", "historical",
			"textured and grounded in period", "literary fiction", "intimate and reflective");

	private static final String[][] ARCS = { { "fear", "courage" }, { "certainty", "humility" },
			{ "isolation", "belonging" }, { "obedience", "self-trust" }, { "revenge", "mercy" },
			{ "denial", "acceptance" }, { "ambition", "love" } };

	private static final String[] GIVEN_NAMES = { "Maren", "Tobias", "Isolde", "Ewan", "Nell", "Rafe", "Signe", "Corin",
			"Lira", "Jonah", "Wren", "Ines", "Callum", "Petra", "Anselm", "Della" };

	private static final String[] FAMILY_NAMES = { "Vance", "Okafor", "Lind", "Morrow", "Castell", "Brennan", "Sato",
			"Quill", "Harrow", "Novak", "Ferreira", "Achterberg" };

	private BibleScaffolder() {
	}

	/**
	 * Three distinct invented full names, none sharing a word with the premise's own
	 * names.
	 */
	private static List<String> inventedNames(SplittableRandom random, List<String> taken) {
		List<String> names = new ArrayList<>();
		Set<String> used = new HashSet<>();
		taken.forEach((name) -> used.addAll(List.of(name.split("\\s+"))));
		while (names.size() < 3) {
			String given = GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
			String family = FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)];
			if (used.add(given) && used.add(family)) {
				names.add(given + " " + family);
			}
		}
		return names;
	}

	static StoryBible scaffold(GenerationTask.BibleFromPremise task, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		String premise = task.premise();
		Extraction found = extract(premise);
		List<String> genres = task.genres().isEmpty() ? List.of(guessGenre(premise)) : task.genres();
		String tone = task.tone().isEmpty() ? TONES.getOrDefault(genres.getFirst().toLowerCase(Locale.ROOT),
				"honest, specific, with moments of humour") : task.tone();

		List<StoryCharacter> characters = new ArrayList<>();
		List<String> names = found.people();
		String lower = premise.toLowerCase(Locale.ROOT);
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String role = (i == 0) ? "protagonist" : roleFor(name, lower, i, names.size());
			characters.add(character(name, role, names.getFirst(), random, true));
		}
		// Roles the premise leaves open get invented names, so that the prose written
		// from
		// the bible reads as prose; their descriptions say they are proposals.
		List<String> invented = inventedNames(random, names);
		if (characters.isEmpty()) {
			String name = invented.removeFirst();
			characters.add(character(name, "protagonist", name, random, false));
		}
		String protagonist = characters.getFirst().name();
		if (characters.stream().noneMatch((c) -> c.role().equals("antagonist"))) {
			characters.add(character(invented.removeFirst(), "antagonist", protagonist, random, false));
		}
		if (characters.stream().noneMatch((c) -> c.role().equals("ally") || c.role().equals("mentor"))) {
			characters.add(character(invented.removeFirst(), "ally", protagonist, random, false));
		}

		List<Location> locations = found.places()
			.stream()
			.map((place) -> new Location(place, List.of(), "Named in the premise. " + placeHint(place)))
			.toList();
		List<LoreItem> lore = found.things()
			.stream()
			.map((thing) -> new LoreItem(thing, List.of(),
					"Named in the premise; decide what it is and why it matters."))
			.toList();
		String title = task.title().isEmpty() ? titleFrom(found, premise) : task.title();
		return new StoryBible(title, premise, "", genres, tone,
				new StyleGuide("third person limited (" + protagonist + ")", "past", tone, ""), characters, locations,
				lore,
				"Scaffolded offline from the premise: names and places come from your words; roles, traits and "
						+ "arcs are suggestions to keep or replace. Characters described as proposed are roles the story "
						+ "seems to need, with invented names to keep or change.");
	}

	record Extraction(List<String> people, List<String> places, List<String> things) {
	}

	static Extraction extract(String premise) {
		List<String> people = new ArrayList<>();
		List<String> places = new ArrayList<>();
		List<String> things = new ArrayList<>();
		Matcher matcher = PROPER.matcher(premise);
		while (matcher.find()) {
			String phrase = matcher.group(1).replaceAll("['’]s$", "").strip();
			List<String> words = new ArrayList<>(List.of(phrase.split("\\s+")));
			while (!words.isEmpty() && NOT_NAMES.contains(words.getFirst())) {
				words.removeFirst();
			}
			if (words.isEmpty()) {
				continue;
			}
			String name = String.join(" ", words);
			if (name.length() < 2 || people.contains(name) || places.contains(name) || things.contains(name)
					|| isPartOfKnown(name, people)) {
				continue;
			}
			String before = wordBefore(premise, matcher.start(1));
			boolean afterThe = before.equals("the") || phrase.startsWith("The ");
			String last = words.getLast().toLowerCase(Locale.ROOT);
			String first = words.getFirst().toLowerCase(Locale.ROOT);
			if (PLACE_WORDS.contains(last) || PLACE_WORDS.contains(first)
					|| (PLACE_PREPOSITIONS.contains(before) && !afterThe)) {
				places.add(afterThe && !name.startsWith("the ") ? "the " + name : name);
			}
			else if (afterThe) {
				things.add("the " + name);
			}
			else {
				people.add(name);
			}
		}
		return new Extraction(people, places, things);
	}

	private static boolean isPartOfKnown(String name, List<String> people) {
		return people.stream().anyMatch((known) -> List.of(known.split(" ")).contains(name));
	}

	private static String wordBefore(String text, int index) {
		Matcher matcher = Pattern.compile("([\\p{L}]+)\\s*$").matcher(text.substring(0, index));
		return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
	}

	private static String roleFor(String name, String premise, int index, int count) {
		String near = premise.substring(Math.max(0, premise.indexOf(name.toLowerCase(Locale.ROOT)) - 40),
				Math.min(premise.length(), premise.indexOf(name.toLowerCase(Locale.ROOT)) + name.length() + 40));
		if (near.matches(
				"(?s).*(rival|enemy|villain|against|hunted|betray|nemesis|tyrant|usurp|killer|murderer|admiral|lord).*")) {
			return "antagonist";
		}
		if (near.matches("(?s).*(mentor|teacher|master|old|aunt|uncle|grand).*")) {
			return "mentor";
		}
		if (near.matches("(?s).*(love|lover|falls for|sweetheart).*")) {
			return "love interest";
		}
		if (near.matches("(?s).*(friend|companion|partner|brother|sister|cousin|crew|ally).*")) {
			return "ally";
		}
		return (index == count - 1 && count > 2) ? "antagonist" : "ally";
	}

	private static StoryCharacter character(String name, String role, String protagonist, SplittableRandom random,
			boolean named) {
		String[] arc = ARCS[random.nextInt(ARCS.length)];
		String description = named ? "Named in the premise. " : "Proposed: ";
		String arcText = switch (role) {
			case "protagonist" -> "From " + arc[0] + " to " + arc[1] + ".";
			case "antagonist" -> "Wants what " + protagonist + " wants, and will pay any price for it; "
					+ "a dark mirror of " + protagonist + ".";
			case "mentor" -> "Passes on what they know, then must step back and let " + protagonist + " choose.";
			case "love interest" -> "Opens " + protagonist + " up, and is changed in return.";
			default -> "Steps out of " + protagonist + "'s shadow and makes a choice of their own.";
		};
		description += switch (role) {
			case "protagonist" -> "The one whose choices drive the story.";
			case "antagonist" -> "The force that opposes " + protagonist + " most directly.";
			case "mentor" -> "Knows more than they say.";
			default -> "Stands beside " + protagonist + ", for reasons of their own.";
		};
		List<String> traits = switch (role) {
			case "protagonist" -> List.of(arc[0].equals("fear") ? "cautious" : "determined", "observant");
			case "antagonist" -> List.of("certain", "patient");
			default -> List.of("loyal", "wry");
		};
		return new StoryCharacter(name, List.of(), role, description, traits, arcText);
	}

	private static String placeHint(String place) {
		String lower = place.toLowerCase(Locale.ROOT);
		for (String word : PLACE_WORDS) {
			if (lower.endsWith(" " + word) || lower.startsWith(word + " ") || lower.equals(word)) {
				return "A " + word + "; give it one sight, one sound and one smell.";
			}
		}
		return "Give it one sight, one sound and one smell.";
	}

	private static String titleFrom(Extraction found, String premise) {
		if (!found.things().isEmpty()) {
			return Cast.capitalize(found.things().getFirst());
		}
		if (!found.places().isEmpty()) {
			return Cast.capitalize(found.places().getFirst());
		}
		List<String> words = List.of(premise.split("\\s+"));
		return String.join(" ", words.subList(0, Math.min(4, words.size()))).replaceAll("[,.;:]$", "");
	}

	static String guessGenre(String premise) {
		String lower = premise.toLowerCase(Locale.ROOT);
		String best = "literary fiction";
		int bestHits = 0;
		for (Map.Entry<String, String> genre : GENRES.entrySet()) {
			Matcher matcher = Pattern.compile("\\b(" + genre.getKey() + ")").matcher(lower);
			int hits = 0;
			while (matcher.find()) {
				hits++;
			}
			if (hits > bestHits) {
				best = genre.getValue();
				bestHits = hits;
			}
		}
		return best;
	}

}
