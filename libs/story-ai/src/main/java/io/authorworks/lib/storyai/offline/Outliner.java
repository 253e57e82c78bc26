package io.authorworks.lib.storyai.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.Outline;
import io.authorworks.lib.storyai.story.SceneBeat;
import io.authorworks.lib.storyai.story.ScenePlan;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.Texts;

/**
 * Outlines, synopses and chapter plans from a story structure filled with the bible.
 */
final class Outliner {

	private static final String[] SCENES = {
			"{X} and {Y} argue at {place} about what to do next; one of them is hiding something.",
			"{X} finds a clue about {thing} at {place}, and it points somewhere unwelcome.",
			"A quiet moment at {place}: {X} remembers why this matters, and who it is for.",
			"{A}'s reach is felt at {place}; {X} gets out, but not cleanly.",
			"{X} asks {Y} for help at {place} and has to pay for it with the truth.",
			"At {place}, {X} makes a choice that cannot be undone." };

	private static final String[] SCENE_TITLES = { "A quarrel", "A clue", "A quiet moment", "A close call",
			"The price of help", "No way back" };

	private static final String[] CONFLICTS = { "{A} is a step ahead", "time is running out",
			"{Y} wants something else", "the truth would cost a friendship", "an old fear comes back",
			"the place itself works against them" };

	private Outliner() {
	}

	static Outline outline(StoryBible bible, int chapters, StoryStructure structure, long seed) {
		Cast cast = Cast.of(bible);
		List<String> people = people(bible, cast);
		List<String> places = places(bible, cast);
		List<ChapterOutline> result = new ArrayList<>();
		List<StoryStructure.Beat> beats = structure.beats();
		for (int c = 1; c <= chapters; c++) {
			double from = (c - 1) / (double) chapters;
			double to = c / (double) chapters;
			List<StoryStructure.Beat> here = new ArrayList<>();
			for (StoryStructure.Beat beat : beats) {
				if (beat.position() >= from && (beat.position() < to || (c == chapters && beat.position() <= 1))) {
					here.add(beat);
				}
			}
			StoryStructure.Beat main = here.isEmpty() ? nearest(beats, (from + to) / 2) : here.getFirst();
			SplittableRandom random = new SplittableRandom(seed * 31 + c);
			List<SceneBeat> sceneBeats = new ArrayList<>();
			for (StoryStructure.Beat beat : here) {
				sceneBeats.add(new SceneBeat(beat.title(), cast.fill(beat.template())));
			}
			if (here.isEmpty()) {
				sceneBeats.add(new SceneBeat(main.title() + " (continued)",
						"The pressure of the " + main.title().toLowerCase(java.util.Locale.ROOT) + " carries on: "
								+ Character.toLowerCase(cast.fill(main.template()).charAt(0))
								+ cast.fill(main.template()).substring(1)));
			}
			while (sceneBeats.size() < 2 + (c % 2)) {
				sceneBeats.add(scene(cast, people, places, random));
			}
			String title = here.isEmpty() ? places.get((c - 1) % places.size()) : main.title();
			String summary = sceneBeats.getFirst().description();
			result.add(new ChapterOutline(c, title, summary, sceneBeats, cast.protagonist()));
		}
		return new Outline(structure.key(), dedupeTitles(result));
	}

	static String synopsis(StoryBible bible, Outline outline) {
		List<ChapterOutline> chapters = outline.chapters();
		StringBuilder text = new StringBuilder();
		int parts = Math.min(3, Math.max(1, chapters.size()));
		for (int p = 0; p < parts; p++) {
			int from = p * chapters.size() / parts;
			int to = (p + 1) * chapters.size() / parts;
			StringBuilder paragraph = new StringBuilder();
			for (ChapterOutline chapter : chapters.subList(from, to)) {
				paragraph.append(paragraph.isEmpty() ? "" : " ").append(sentence(chapter.summary()));
			}
			text.append(text.isEmpty() ? "" : "\n\n").append(paragraph);
		}
		if (!bible.premise().isBlank() && text.indexOf(Texts.firstSentence(bible.premise())) < 0) {
			text.insert(0, sentence(bible.premise()) + "\n\n");
		}
		return text.toString();
	}

	static ChapterPlan plan(StoryBible bible, ChapterOutline chapter, long seed) {
		Cast cast = Cast.of(bible);
		List<String> places = places(bible, cast);
		SplittableRandom random = new SplittableRandom(seed * 17 + chapter.number());
		List<ScenePlan> scenes = new ArrayList<>();
		String pov = chapter.pov().isBlank() ? cast.protagonist() : chapter.pov();
		int n = 0;
		for (SceneBeat beat : chapter.beats()) {
			String text = beat.title() + " " + beat.description();
			String place = bible.locations()
				.stream()
				.filter((l) -> l.names().stream().anyMatch((name) -> Texts.mentions(text, name)))
				.map((l) -> l.name())
				.findFirst()
				.orElse(places.get((chapter.number() + n) % places.size()));
			List<String> present = new ArrayList<>();
			present.add(pov);
			bible.characters()
				.stream()
				.filter((c) -> c.names().stream().anyMatch((name) -> Texts.mentions(text, name)))
				.map((c) -> c.name())
				.filter((name) -> !present.contains(name))
				.forEach(present::add);
			String other = (present.size() > 1) ? present.get(1) : cast.ally();
			String conflict = Cast.capitalize(
					CONFLICTS[random.nextInt(CONFLICTS.length)].replace("{A}", cast.antagonist()).replace("{Y}", other))
					+ ".";
			scenes.add(new ScenePlan(beat.title().isBlank() ? "Scene " + (n + 1) : beat.title(), pov, place, present,
					pov + " needs this to go right: " + lowerFirst(beat.description()), conflict,
					"It changes things: " + lowerFirst(beat.description())));
			n++;
		}
		if (scenes.isEmpty()) {
			scenes.add(new ScenePlan(chapter.title(), pov, places.getFirst(), List.of(pov), chapter.summary(),
					"Something stands in the way.", "Something changes."));
		}
		return new ChapterPlan(chapter.number(), chapter.title(), scenes);
	}

	private static SceneBeat scene(Cast cast, List<String> people, List<String> places, SplittableRandom random) {
		String x = cast.protagonist();
		String y = people.get(random.nextInt(people.size()));
		if (y.equals(x) && people.size() > 1) {
			y = people.get((people.indexOf(y) + 1) % people.size());
		}
		String place = places.get(random.nextInt(places.size()));
		int index = random.nextInt(SCENES.length);
		String template = SCENES[index];
		String description = template.replace("{X}", x)
			.replace("{Y}", y)
			.replace("{A}", cast.antagonist())
			.replace("{place}", place)
			.replace("{thing}", cast.thing());
		String title = SCENE_TITLES[index];
		return new SceneBeat(title, Cast.capitalize(description));
	}

	private static StoryStructure.Beat nearest(List<StoryStructure.Beat> beats, double position) {
		StoryStructure.Beat best = beats.getFirst();
		for (StoryStructure.Beat beat : beats) {
			if (beat.position() <= position) {
				best = beat;
			}
		}
		return best;
	}

	private static List<ChapterOutline> dedupeTitles(List<ChapterOutline> chapters) {
		List<ChapterOutline> result = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (ChapterOutline chapter : chapters) {
			String title = chapter.title();
			int n = 2;
			while (seen.contains(title)) {
				title = chapter.title() + " " + toRoman(n++);
			}
			seen.add(title);
			result.add(new ChapterOutline(chapter.number(), title, chapter.summary(), chapter.beats(), chapter.pov()));
		}
		return result;
	}

	private static String toRoman(int n) {
		String[] numerals = { "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" };
		return (n < numerals.length) ? numerals[n] : Integer.toString(n);
	}

	static List<String> people(StoryBible bible, Cast cast) {
		List<String> people = new ArrayList<>(bible.characters().stream().map((c) -> c.name()).toList());
		if (people.isEmpty()) {
			people.add(cast.protagonist());
			people.add(cast.ally());
		}
		return people;
	}

	static List<String> places(StoryBible bible, Cast cast) {
		List<String> places = new ArrayList<>(bible.locations().stream().map((l) -> l.name()).toList());
		if (places.isEmpty()) {
			places.add(cast.home());
			places.add(cast.away());
		}
		return places;
	}

	static String sentence(String text) {
		String stripped = text.strip();
		if (stripped.isEmpty()) {
			return stripped;
		}
		return stripped.matches(".*[.!?…\"”]$") ? stripped : stripped + ".";
	}

	static String lowerFirst(String text) {
		if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))
				&& !text.startsWith("I ")) {
			// Keep names capitalised: only lower a leading common word.
			String first = Texts.words(text).getFirst();
			if (first.matches("(The|A|An|At|In|On|After|Before|When|While|All|Something|Someone|Everything)")) {
				return Character.toLowerCase(text.charAt(0)) + text.substring(1);
			}
		}
		return text;
	}

}
