package io.authorworks.lib.storyai.offline;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.story.Location;
import io.authorworks.lib.storyai.story.ScenePlan;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.Texts;

/**
 * A first draft stitched from the chapter plan, the bible and the author's own text: each
 * scene opens on its place as the bible describes it, states the point-of-view
 * character's goal, obstacle and outcome plainly, and is filled out with sentences made
 * from the author's words. A scaffold to write over, not finished prose.
 */
final class ProseDrafter {

	private ProseDrafter() {
	}

	static String draft(GenerationTask.DraftChapter task, long seed) {
		StoryBible bible = task.bible();
		boolean present = bible.style().tense().toLowerCase(Locale.ROOT).startsWith("present");
		AuthorVoice voice = new AuthorVoice(
				task.previousChapterText() + "\n\n" + bible.style().samplePassage() + "\n\n" + bible.premise());
		SplittableRandom random = new SplittableRandom(seed * 13 + task.chapter().number());
		int scenes = Math.max(1, task.plan().scenes().size());
		int perScene = Math.max(40, task.targetWords() / scenes);
		StringBuilder out = new StringBuilder();
		Set<String> used = new HashSet<>();
		for (ScenePlan scene : task.plan().scenes()) {
			if (!out.isEmpty()) {
				out.append("\n\n* * *\n\n");
			}
			StringBuilder part = new StringBuilder();
			String pov = scene.pov().isBlank() ? Cast.of(bible).protagonist() : scene.pov();
			String place = scene.location();
			String setting = bible.locations()
				.stream()
				.filter((l) -> l.names().stream().anyMatch((n) -> n.equalsIgnoreCase(place)))
				.map(Location::description)
				.map(Texts::firstSentence)
				.findFirst()
				.orElse("");
			if (!place.isBlank()) {
				part.append(present ? "At " : "At ")
					.append(place)
					.append(", ")
					.append(pov)
					.append(present ? " waits." : " waited.");
				if (!setting.isBlank()) {
					part.append(' ').append(Outliner.sentence(setting));
				}
			}
			if (!scene.goal().isBlank()) {
				String goal = scene.goal();
				int colon = goal.indexOf(" needs this to go right: ");
				if (colon > 0) {
					goal = goal.substring(0, colon)
							+ (present ? " needs this to go right." : " needed this to go right.") + " The plan: "
							+ goal.substring(colon + 25);
				}
				part.append(part.isEmpty() ? "" : " ").append(Outliner.sentence(goal));
			}
			if (!scene.conflict().isBlank()) {
				part.append(" But ").append(Outliner.lowerFirst(Outliner.sentence(scene.conflict())));
			}
			String paragraph = part.toString();
			StringBuilder body = new StringBuilder(paragraph);
			int guard = 0;
			while (voice.usable() && Texts.wordCount(body.toString()) < perScene - 25 && guard++ < 200) {
				StringBuilder voiced = new StringBuilder();
				for (int i = 0; i < 3 && Texts.wordCount(body.toString() + voiced) < perScene - 25; i++) {
					voiced.append(voiced.isEmpty() ? "" : " ").append(fresh(voice, random, used));
				}
				body.append("\n\n").append(voiced);
			}
			if (!scene.outcome().isBlank()) {
				body.append("\n\n").append(Outliner.sentence(scene.outcome()));
			}
			out.append(body);
		}
		return out.toString();
	}

	/** A sentence not used yet in this draft, if a few tries find one. */
	private static String fresh(AuthorVoice voice, SplittableRandom random, Set<String> used) {
		String sentence = voice.sentence(random);
		for (int i = 0; i < 8 && used.contains(sentence); i++) {
			sentence = voice.sentence(random);
		}
		used.add(sentence);
		return sentence;
	}

}
