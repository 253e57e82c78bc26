package io.authorworks.lib.storyai;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.Location;
import io.authorworks.lib.storyai.story.LoreItem;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.SceneBeat;
import io.authorworks.lib.storyai.story.ScenePlan;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.StoryCharacter;
import io.authorworks.lib.storyai.story.StyleGuide;

/**
 * A realistic small book, and seeded random books of any size, for tests.
 */
public final class StoryFixtures {

	public static final String SAMPLE = "The rain had not stopped for three days, and Mara Voss was beginning to believe it never would. "
			+ "She stood at the window of the keeper's cottage, watching grey water fold itself against the rocks. "
			+ "Somewhere past the edge of the charts was the ship her father had never brought home.";

	public static final String CHAPTER_ONE = """
			The letter came on a Tuesday, which Mara would later think was the only ordinary thing about it.

			"Admiralty seal," said Tobias, turning it over in his big hands before giving it up. "That's either a pension or a summons."

			"My father never had a pension." She broke the wax. The paper inside was thick and cold, and the words on it were few: wreckage of the Petrel had been recovered off the Saltmarsh shoals. Next of kin were invited to Port Ansel to identify personal effects.

			She read it twice. Then she folded it into quarters and put it in the pocket over her heart, where it sat like a stone.

			"Well?" Tobias asked.

			"They found her," Mara said. "They found the Petrel." Outside, the lamp turned its slow circle, and for once she did not count the seconds between the flashes.
			""";

	private StoryFixtures() {
	}

	public static StoryBible lighthouseBible() {
		return new StoryBible("The Salt Ledger",
				"A cartographer's daughter learns the Admiralty lied about her father's shipwreck.", "",
				List.of("historical mystery"), "wry, salt-stung",
				new StyleGuide("third person limited (Mara)", "past", "spare and wry", SAMPLE),
				List.of(new StoryCharacter("Mara Voss", List.of("Mara"), "protagonist",
						"A cartographer's daughter, twenty-seven, stubborn and meticulous. She trusts maps more than people.",
						List.of("stubborn", "meticulous"),
						"From clinging to her father's myth to drawing her own map."),
						new StoryCharacter("Tobias Wren", List.of("Tobias", "Toby"), "ally",
								"The lighthouse keeper, patient and funny, hiding debts.", List.of("patient"),
								"Learns to ask for help."),
						new StoryCharacter("Admiral Hale", List.of("Hale"), "antagonist",
								"Polished and cold, keeper of the Admiralty's secrets.", List.of("cold"),
								"Is undone by his own records."),
						new StoryCharacter("Inés Calder", List.of("Calder"), "mentor", "An old salvage diver.",
								List.of("gruff"), "")),
				List.of(new Location("Saltmarsh Point", List.of("the Point"), "A lighthouse on a spit of rock."),
						new Location("Port Ansel", List.of(), "The Admiralty's harbour town, all brass and fog."),
						new Location("The Admiralty Archive", List.of("the Archive"), "Stacks of salvage ledgers.")),
				List.of(new LoreItem("the Petrel", List.of("Petrel"), "Her father's survey ship, lost in 1886."),
						new LoreItem("salvage ledger", List.of(), "The Admiralty's record of every recovered wreck.")),
				"");
	}

	public static Outline lighthouseOutline() {
		return new Outline("three-act", List.of(
				new ChapterOutline(1, "The Letter", "Mara learns the Petrel's wreckage has been found.",
						List.of(new SceneBeat("The letter",
								"Tobias brings the Admiralty's letter to Saltmarsh Point.")),
						"Mara Voss"),
				new ChapterOutline(2, "Port Ansel", "Mara travels to Port Ansel and meets Admiral Hale.",
						List.of(new SceneBeat("Refusal", "Hale refuses her the salvage logs.")), "Mara Voss"),
				new ChapterOutline(3, "The Archive", "Mara breaks into the Admiralty Archive.",
						List.of(new SceneBeat("Night entry", "Tobias keeps watch while Mara searches the Archive."),
								new SceneBeat("The missing page", "The 1887 salvage ledger has a page torn out.")),
						"Mara Voss"),
				new ChapterOutline(4, "Undertow", "Calder dives the wreck.",
						List.of(new SceneBeat("The dive", "Calder finds the Petrel's logbook.")), "Mara Voss")));
	}

	public static List<ChapterSummary> lighthouseSummaries() {
		return List.of(new ChapterSummary(1, "The Letter",
				"An Admiralty letter tells Mara the Petrel's wreckage was found. She decides to go to Port Ansel."),
				new ChapterSummary(2, "Port Ansel",
						"Admiral Hale receives Mara coldly and refuses her the salvage logs. Tobias follows her to town."));
	}

	/** A random book with {@code chapters} chapters and a previous chapter text. */
	public static RandomBook randomBook(RandomGenerator random, int chapters) {
		List<StoryCharacter> characters = new ArrayList<>();
		int characterCount = 1 + random.nextInt(12);
		for (int i = 0; i < characterCount; i++) {
			characters.add(new StoryCharacter(name(random) + " " + name(random), List.of(name(random)),
					(i == 0) ? "protagonist" : "supporting", prose(random, 1 + random.nextInt(6)),
					List.of(word(random)), prose(random, random.nextInt(3))));
		}
		List<Location> locations = new ArrayList<>();
		for (int i = 0, n = random.nextInt(8); i < n; i++) {
			locations.add(new Location(name(random) + " " + pick(random, "Hall", "Harbour", "Forest", "Gate"),
					List.of(), prose(random, 1 + random.nextInt(4))));
		}
		List<LoreItem> lore = new ArrayList<>();
		for (int i = 0, n = random.nextInt(10); i < n; i++) {
			lore.add(new LoreItem("the " + name(random), List.of(), prose(random, 1 + random.nextInt(5))));
		}
		StoryBible bible = new StoryBible(name(random), prose(random, 2), "", List.of(word(random)), word(random),
				new StyleGuide("third person limited (" + characters.getFirst().name() + ")", "past", word(random),
						prose(random, random.nextInt(8))),
				characters, locations, lore, "");
		List<ChapterOutline> outline = new ArrayList<>();
		List<ChapterSummary> summaries = new ArrayList<>();
		for (int c = 1; c <= chapters; c++) {
			List<SceneBeat> beats = new ArrayList<>();
			for (int b = 0, n = 1 + random.nextInt(4); b < n; b++) {
				String who = characters.get(random.nextInt(characters.size())).name();
				String where = locations.isEmpty() ? ""
						: " at " + locations.get(random.nextInt(locations.size())).name();
				beats.add(new SceneBeat(word(random), who + " " + prose(random, 1) + where));
			}
			outline.add(new ChapterOutline(c, name(random), prose(random, 2), beats, ""));
			summaries.add(new ChapterSummary(c, name(random), prose(random, 1 + random.nextInt(8))));
		}
		int current = 1 + random.nextInt(chapters);
		ChapterOutline chapter = outline.get(current - 1);
		ChapterPlan plan = new ChapterPlan(current, chapter.title(),
				List.of(new ScenePlan(word(random), characters.getFirst().name(),
						locations.isEmpty() ? "" : locations.getFirst().name(), List.of(characters.getFirst().name()),
						prose(random, 1), prose(random, 1), prose(random, 1))));
		return new RandomBook(bible, new Outline("", outline), chapter, plan, summaries,
				prose(random, random.nextInt(200)));
	}

	/** A random book and the chapter to write next. */
	public record RandomBook(StoryBible bible, Outline outline, ChapterOutline chapter, ChapterPlan plan,
			List<ChapterSummary> summaries, String previousText) {
	}

	private static final String[] SYLLABLES = { "ka", "ren", "lo", "mi", "tha", "dor", "el", "vin", "sa", "qu", "ar",
			"is", "bel", "tor", "ny", "gwe" };

	private static final String[] WORDS = { "the", "night", "river", "carried", "a", "letter", "under", "silver",
			"rain", "and", "she", "remembered", "every", "promise", "broken", "by", "the", "old", "harbour", "wind",
			"while", "lanterns", "burned", "low", "across", "salt", "marsh", "toward", "dawn" };

	static String name(RandomGenerator random) {
		StringBuilder name = new StringBuilder();
		for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
			name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
		}
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	static String word(RandomGenerator random) {
		return WORDS[random.nextInt(WORDS.length)];
	}

	static String prose(RandomGenerator random, int sentences) {
		StringBuilder text = new StringBuilder();
		for (int s = 0; s < sentences; s++) {
			int words = 4 + random.nextInt(16);
			StringBuilder sentence = new StringBuilder();
			for (int w = 0; w < words; w++) {
				sentence.append(w == 0 ? "" : " ").append(word(random));
			}
			sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
			text.append(s == 0 ? "" : " ").append(sentence).append(random.nextInt(5) == 0 ? "!" : ".");
		}
		return text.toString();
	}

	static String pick(RandomGenerator random, String... options) {
		return options[random.nextInt(options.length)];
	}

}
