package io.authorworks.bench.content;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Made-up fiction in Markdown, sized like real chapters: paragraphs of narration and
 * dialogue, now and then emphasis and a scene break. Deterministic for a seed, so two
 * runs store the same text.
 */
final class Prose {

	private static final List<String> NAMES = List.of("Mara", "Tobias", "Ilse", "Corin", "Ysolde", "Bram", "Nadia",
			"Oskar", "Wren", "Halvard", "Sefa", "Emrys");

	private static final List<String> PLACES = List.of("the harbour", "the old mill", "the lighthouse",
			"the market square", "the orchard", "the ferry landing", "the archive", "the salt flats", "the north road",
			"the chapel ruins");

	private static final List<String> SUBJECTS = List.of("The wind", "A gull", "The lamp", "Her brother", "The letter",
			"Rain", "The tide", "Somebody", "The dog", "The stranger", "Morning", "The clock");

	private static final List<String> VERBS = List.of("pressed against", "drifted over", "waited by", "circled",
			"leaned toward", "slipped past", "settled on", "hid behind", "rattled", "brushed against",
			"wandered across", "returned to");

	private static final List<String> OBJECTS = List.of("the shutters", "the empty table", "the half-open door",
			"the stone wall", "the narrow stairs", "the boats", "the window", "the map", "a row of jars",
			"the cold hearth", "the bridge", "the little garden");

	private static final List<String> CLAUSES = List.of("as if it had somewhere better to be",
			"while the kettle began to sing", "and nobody said a word about it", "long after the bells had stopped",
			"the way it had every winter she could remember", "before the light went grey",
			"though no one had asked it to", "until the street was quiet again");

	private static final List<String> FEELINGS = List.of("tired", "certain", "afraid", "amused", "restless", "careful",
			"hopeful", "angry", "lost", "patient");

	private static final List<String> LINES = List.of("We should have left an hour ago.",
			"You kept the key all this time?", "It isn't what you think it is.", "Tell me again, slowly.",
			"Nobody goes up there after dark.", "I heard the boat come in.", "Then we wait for the tide.",
			"She knew. She always knew.", "Don't open it yet.", "How far is it to the coast?");

	private final SplittableRandom random;

	Prose(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** A chapter of at least {@code words} words. */
	String chapter(int words) {
		StringBuilder text = new StringBuilder(words * 7);
		int count = 0;
		int paragraphs = 0;
		while (count < words) {
			if (paragraphs > 0 && this.random.nextInt(18) == 0) {
				text.append("* * *\n\n");
			}
			String paragraph = paragraph();
			count += paragraph.split("\\s+").length;
			text.append(paragraph).append("\n\n");
			paragraphs++;
		}
		return text.toString().strip() + "\n";
	}

	/** A passage of about {@code chars} characters (whole sentences, no newline). */
	String passage(int chars) {
		StringBuilder text = new StringBuilder(chars + 120);
		while (text.length() < chars) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(sentence());
		}
		return text.toString();
	}

	/**
	 * The text with about {@code chars} characters around a random place replaced by a
	 * new passage of about the same size: what an autosave a few seconds after the last
	 * one carries.
	 */
	String edit(String text, int chars) {
		String passage = passage(chars);
		if (text.length() <= chars + 2) {
			return passage + "\n";
		}
		int from = this.random.nextInt(text.length() - chars);
		int space = text.indexOf(' ', from);
		from = (space < 0 || space >= text.length() - chars) ? from : space + 1;
		int to = Math.min(text.length(), from + chars);
		int end = text.indexOf(' ', to);
		to = (end < 0) ? text.length() : end;
		return text.substring(0, from) + passage + text.substring(to);
	}

	private String paragraph() {
		if (this.random.nextInt(3) == 0) {
			String name = pick(NAMES);
			String said = this.random.nextBoolean() ? "said" : "asked";
			return "\u201c" + pick(LINES) + "\u201d " + name + " " + said + ". " + sentence() + " \u201c" + pick(LINES)
					+ "\u201d";
		}
		int sentences = 3 + this.random.nextInt(5);
		StringBuilder paragraph = new StringBuilder();
		for (int i = 0; i < sentences; i++) {
			if (i > 0) {
				paragraph.append(' ');
			}
			paragraph.append(sentence());
		}
		return paragraph.toString();
	}

	private String sentence() {
		return switch (this.random.nextInt(4)) {
			case 0 -> pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(CLAUSES) + ".";
			case 1 -> pick(NAMES) + " walked to " + pick(PLACES) + ", " + pick(FEELINGS) + " and quiet, "
					+ pick(CLAUSES) + ".";
			case 2 -> "At " + pick(PLACES) + " " + pick(NAMES) + " felt *" + pick(FEELINGS) + "* for the first time, "
					+ pick(CLAUSES) + ".";
			default -> pick(NAMES) + " and " + pick(NAMES) + " " + pick(VERBS) + " " + pick(OBJECTS) + ".";
		};
	}

	private String pick(List<String> words) {
		return words.get(this.random.nextInt(words.size()));
	}

}
