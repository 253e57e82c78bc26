package io.authorworks.lib.storyai.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.story.BibleEntry;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.Texts;

/**
 * The interactive operations done with plain, deterministic text transformations: an
 * honest editing aid, not a language model. Each is described in one sentence on its
 * method.
 */
final class TextTransforms {

	private static final Map<String, String> INTENSIFIED = new LinkedHashMap<>();

	static {
		String[][] pairs = { { "big", "enormous" }, { "large", "vast" }, { "small", "tiny" }, { "tired", "exhausted" },
				{ "happy", "delighted" }, { "sad", "miserable" }, { "old", "ancient" }, { "quiet", "hushed" },
				{ "fast", "swift" }, { "quickly", "swiftly" }, { "cold", "freezing" }, { "hot", "scorching" },
				{ "dark", "pitch-dark" }, { "bright", "dazzling" }, { "angry", "furious" }, { "scared", "terrified" },
				{ "afraid", "terrified" }, { "good", "excellent" }, { "bad", "dreadful" }, { "loud", "deafening" },
				{ "hungry", "ravenous" }, { "wet", "soaked" }, { "pretty", "lovely" }, { "ugly", "hideous" },
				{ "sure", "certain" }, { "important", "vital" }, { "slowly", "unhurriedly" }, { "much", "far" } };
		for (String[] pair : pairs) {
			INTENSIFIED.put(pair[0], pair[1]);
		}
	}

	private static final String[][] PLAIN_VERBS = { { "began to ", "" }, { "started to ", "" },
			{ "was able to ", "could " }, { "in order to ", "to " }, { "at this point in time", "now" },
			{ "due to the fact that", "because" }, { "a lot of", "many" } };

	private static final Pattern FILLER = Pattern
		.compile("(?i)\\b(just|really|very|quite|rather|somewhat|actually|basically|simply|totally|suddenly|"
				+ "definitely|certainly|literally|seemingly|kind of|sort of)\\b\\s*");

	private static final Pattern ADVERB = Pattern.compile("\\b(\\p{L}{4,}ly)\\b\\s*");

	private static final List<String> KEEP_LY = List.of("only", "early", "family", "holy", "ugly", "lovely", "lonely",
			"friendly", "belly", "reply", "supply", "rally", "ally", "bully", "jelly", "daily", "likely", "fly", "july",
			"italy", "emily", "lily", "molly", "sally", "kelly", "holly", "silly", "chilly", "hilly", "curly", "surly",
			"burly", "deadly", "elderly", "costly", "orderly", "apply", "comply", "rely", "imply");

	private static final String[] SIGHT = { "{S} caught the light and held it a moment too long.",
			"At first glance {s} seemed ordinary; the longer one looked, the less it did.",
			"Shadows gathered in the corners of {s} as if they had been waiting there." };

	private static final String[] SOUND = { "There was a sound to {s}, low and steady, like breathing.",
			"Somewhere near {s} a board creaked, then thought better of it.",
			"The quiet around {s} was the kind that listens back." };

	private static final String[] SMELL = { "It smelled of salt and old paper and something sweeter underneath.",
			"The air carried woodsmoke, rain and the faint sharpness of metal.",
			"A smell of dust and candle wax clung to everything." };

	private static final String[] TOUCH = { "Cool to the touch, {s} left a faint grit on the fingers.",
			"Up close, {s} was rougher than it looked, every edge worn by use.",
			"The cold came off {s} in a slow, steady breath." };

	private static final String[] IDEAS = {
			"What if {X} already knows what {Y} is hiding, and has known since before this scene?",
			"Reverse the expected beat: instead of {X} pushing forward here, {X} walks away, and the cost shows later.",
			"Bring {thing} into this moment: who last touched it, and what does that imply?",
			"Let {place} work against {X}: weather, crowds or a locked door forces a worse choice.",
			"Raise the stakes: {A} learns of this within the hour. How, and from whom?",
			"Give {Y} a line of dialogue that is true, kind and devastating.",
			"Plant a small object here that pays off three chapters from now.",
			"Cut away from the scene one beat early, and open the next one on its consequence.",
			"Let {X} misread what {Y} wants, and act on the mistake with conviction." };

	private TextTransforms() {
	}

	/**
	 * Rewrite: plainer verbs, intensifiers replaced by stronger words, runs of short
	 * sentences joined.
	 */
	static String rewrite(String text) {
		StringBuilder out = new StringBuilder();
		for (String paragraph : paragraphs(text)) {
			List<String> sentences = Texts.sentences(paragraph);
			List<String> rewritten = new ArrayList<>();
			for (String sentence : sentences) {
				rewritten.add(intensify(plain(sentence)));
			}
			List<String> joined = new ArrayList<>();
			for (int i = 0; i < rewritten.size(); i++) {
				String current = rewritten.get(i);
				if (i + 1 < rewritten.size() && Texts.wordCount(current) <= 6
						&& Texts.wordCount(rewritten.get(i + 1)) <= 6 && current.endsWith(".")
						&& !current.contains("\"") && !rewritten.get(i + 1).contains("\"")) {
					String next = rewritten.get(++i);
					current = current.substring(0, current.length() - 1) + ", and " + lowerFirstWord(next);
				}
				joined.add(current);
			}
			out.append(out.isEmpty() ? "" : "\n\n").append(String.join(" ", joined));
		}
		return out.toString();
	}

	/**
	 * Shorten: filler words and most -ly adverbs go, then the least central sentences, to
	 * about half.
	 */
	static String shorten(String text) {
		List<String> paragraphs = new ArrayList<>();
		int original = Texts.wordCount(text);
		for (String paragraph : paragraphs(text)) {
			String trimmed = FILLER.matcher(paragraph).replaceAll("");
			trimmed = trimmed.replaceAll("\\s*\\([^)]*\\)", "");
			Matcher adverbs = ADVERB.matcher(trimmed);
			StringBuilder kept = new StringBuilder();
			while (adverbs.find()) {
				boolean keep = KEEP_LY.contains(adverbs.group(1).toLowerCase(Locale.ROOT));
				adverbs.appendReplacement(kept, Matcher.quoteReplacement(keep ? adverbs.group() : ""));
			}
			adverbs.appendTail(kept);
			paragraphs.add(tidy(kept.toString()));
		}
		String result = String.join("\n\n", paragraphs);
		int target = Math.max(1, (int) Math.round(original * 0.55));
		if (Texts.wordCount(result) > target) {
			int sentences = Texts.sentences(result).size();
			for (int keep = sentences - 1; keep >= 1 && Texts.wordCount(result) > target; keep--) {
				result = Summarizer.summarize(String.join("\n\n", paragraphs), keep);
			}
		}
		return result;
	}

	/**
	 * Expand: each sentence that names a bible entry is followed by what the bible says
	 * of it, plus sensory detail.
	 */
	static String expand(String text, StoryBible bible, SplittableRandom random) {
		StringBuilder out = new StringBuilder();
		List<String> used = new ArrayList<>();
		for (String paragraph : paragraphs(text)) {
			StringBuilder expanded = new StringBuilder();
			for (String sentence : Texts.sentences(paragraph)) {
				expanded.append(expanded.isEmpty() ? "" : " ").append(sentence);
				for (BibleEntry entry : bible.entries()) {
					if (!used.contains(entry.name()) && !entry.description().isBlank()
							&& entry.names().stream().anyMatch((n) -> Texts.mentions(sentence, n))) {
						used.add(entry.name());
						expanded.append(' ').append(describeEntry(entry));
					}
				}
			}
			String subject = subject(paragraph);
			expanded.append(' ').append(fill(pick(SIGHT, random), subject)).append(' ').append(pick(SMELL, random));
			if (Texts.wordCount(expanded.toString()) < Texts.wordCount(paragraph) * 2) {
				expanded.append(' ').append(fill(pick(SOUND, random), subject));
			}
			out.append(out.isEmpty() ? "" : "\n\n").append(expanded);
		}
		return out.toString();
	}

	/** Describe: what the bible knows about the selection, then one detail per sense. */
	static String describe(String selection, StoryBible bible, SplittableRandom random) {
		String subject = selection.isBlank() ? "the place" : subject(selection);
		StringBuilder out = new StringBuilder();
		for (BibleEntry entry : bible.entries()) {
			if (entry.names().stream().anyMatch((n) -> Texts.containsWord(selection, n))
					&& !entry.description().isBlank()) {
				out.append(describeEntry(entry)).append(' ');
			}
		}
		out.append(fill(pick(SIGHT, random), subject)).append(' ');
		out.append(fill(pick(SOUND, random), subject)).append(' ');
		out.append(pick(SMELL, random)).append(' ');
		out.append(fill(pick(TOUCH, random), subject));
		return out.toString().strip();
	}

	/**
	 * Brainstorm: questions from story-craft templates, filled with the book's people,
	 * places and things.
	 */
	static String brainstorm(GenerationTask.SelectionEdit task, SplittableRandom random) {
		Cast cast = Cast.of(task.bible());
		String text = task.before() + " " + task.selection();
		List<String> present = task.bible()
			.characters()
			.stream()
			.filter((c) -> c.names().stream().anyMatch((n) -> Texts.mentions(text, n)))
			.map((c) -> c.name())
			.toList();
		String x = present.isEmpty() ? cast.protagonist() : present.getFirst();
		String y = (present.size() > 1) ? present.get(1) : cast.ally();
		String place = task.bible()
			.locations()
			.stream()
			.filter((l) -> l.names().stream().anyMatch((n) -> Texts.mentions(text, n)))
			.map((l) -> l.name())
			.findFirst()
			.orElse(cast.home());
		List<String> ideas = new ArrayList<>(List.of(IDEAS));
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 7 && !ideas.isEmpty(); i++) {
			String idea = ideas.remove(random.nextInt(ideas.size()));
			out.append(out.isEmpty() ? "" : "\n")
				.append("- ")
				.append(idea.replace("{X}", x)
					.replace("{Y}", y)
					.replace("{A}", cast.antagonist())
					.replace("{place}", place)
					.replace("{thing}", cast.thing()));
		}
		return out.toString();
	}

	/**
	 * Continue: new sentences built only from the author's own words, picking up
	 * mid-flow.
	 */
	static String continueText(GenerationTask.SelectionEdit task, int words, SplittableRandom random) {
		String written = task.before() + task.selection();
		AuthorVoice voice = new AuthorVoice(written + "\n\n" + task.bible().style().samplePassage());
		if (!voice.usable()) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		String context = written;
		int guard = 0;
		while (Texts.wordCount(out.toString()) < words && guard++ < words) {
			String sentence = out.isEmpty() ? voice.continueFrom(context, random) : voice.sentence(random);
			if (sentence.isEmpty()) {
				break;
			}
			out.append(out.isEmpty() ? "" : " ").append(sentence);
			context = sentence;
		}
		String continuation = out.toString();
		boolean midSentence = !written.isBlank() && !written.strip().matches("(?s).*[.!?…\"”]$");
		return (midSentence ? " " : (written.endsWith("\n") || written.isEmpty() ? "" : " ")) + continuation;
	}

	private static String describeEntry(BibleEntry entry) {
		String description = Texts.firstSentence(entry.description());
		return description.isEmpty() ? "" : Outliner.sentence(description);
	}

	private static String plain(String sentence) {
		String result = sentence;
		for (String[] pair : PLAIN_VERBS) {
			result = result.replace(pair[0], pair[1]);
		}
		return result;
	}

	private static String intensify(String sentence) {
		Matcher matcher = Pattern.compile("\\b([Vv]ery|[Rr]eally|[Ss]o) (\\p{L}+)").matcher(sentence);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String stronger = INTENSIFIED.get(matcher.group(2).toLowerCase(Locale.ROOT));
			String replacement = (stronger != null) ? stronger : matcher.group();
			if (stronger != null && Character.isUpperCase(matcher.group(1).charAt(0))) {
				replacement = Cast.capitalize(replacement);
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String lowerFirstWord(String sentence) {
		String first = Texts.words(sentence).getFirst();
		boolean pronounOrArticle = first.matches("(The|A|An|He|She|It|They|We|There|This|That|Then|His|Her|Their)");
		return pronounOrArticle ? Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1) : sentence;
	}

	private static List<String> paragraphs(String text) {
		List<String> paragraphs = new ArrayList<>();
		for (String paragraph : text.split("\\n\\s*\\n")) {
			if (!paragraph.isBlank()) {
				paragraphs.add(paragraph.strip());
			}
		}
		return paragraphs;
	}

	private static String tidy(String text) {
		return text.replaceAll("\\s+([,.;:!?])", "$1")
			.replaceAll(" {2,}", " ")
			.replaceAll("(^|[.!?]\\s+)(\\p{Ll})", "$1$2")
			.strip();
	}

	/**
	 * The main noun phrase: a named entry if the text has one, else its longest content
	 * word.
	 */
	private static String subject(String text) {
		if (Texts.wordCount(text) <= 5) {
			String phrase = text.strip().replaceAll("[.!?,;:]+$", "");
			boolean name = Character.isUpperCase(phrase.charAt(0)) && !phrase.startsWith("The ");
			return name ? phrase : Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
		}
		List<String> words = Summarizer.content(text);
		String longest = words.stream().reduce((a, b) -> (b.length() > a.length()) ? b : a).orElse("it");
		return "the " + longest;
	}

	private static String fill(String template, String subject) {
		return template.replace("{S}", Cast.capitalize(subject)).replace("{s}", subject);
	}

	private static String pick(String[] options, SplittableRandom random) {
		return options[random.nextInt(options.length)];
	}

}
