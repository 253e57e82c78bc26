package io.authorworks.lib.storyai.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.authorworks.lib.storyai.cost.TokenEstimator;
import io.authorworks.lib.storyai.story.BibleEntry;
import io.authorworks.lib.storyai.story.ChapterOutline;
import io.authorworks.lib.storyai.story.ChapterPlan;
import io.authorworks.lib.storyai.story.ChapterSummary;
import io.authorworks.lib.storyai.story.StoryCharacter;
import io.authorworks.lib.storyai.story.Location;
import io.authorworks.lib.storyai.story.LoreItem;
import io.authorworks.lib.storyai.story.SceneBeat;
import io.authorworks.lib.storyai.story.ScenePlan;
import io.authorworks.lib.storyai.story.StoryBible;
import io.authorworks.lib.storyai.story.StyleGuide;
import io.authorworks.lib.storyai.story.Texts;
import org.jspecify.annotations.Nullable;

/**
 * Builds the prompt for a chapter from plain records, the same way every time, within a
 * token budget.
 *
 * <p>
 * <b>What goes in.</b> The style guide and sample passage (system prompt); the book's
 * title, genres, tone and premise; only the bible entries <em>relevant</em> to this
 * chapter: those named (by name or alias, as a whole word with the same capitals) in the
 * chapter's outline entry, its plan or the quoted end of the previous chapter, plus the
 * point-of-view character; a one-line view of the whole outline with this chapter's beats
 * and plan in full; the rolling summary of every earlier chapter; and the last tokens of
 * the previous chapter.
 *
 * <p>
 * <b>What is cut, in this order,</b> one step at a time until the estimate fits:
 * <ol>
 * <li>distant chapter summaries shrink to their first sentence, earliest first, keeping
 * the most recent ones whole;</li>
 * <li>the outline overview keeps one-line summaries only for the neighbouring
 * chapters;</li>
 * <li>lore items are dropped, last in the bible first;</li>
 * <li>the quote of the previous chapter is halved, down to 100 tokens;</li>
 * <li>characters other than the point of view shrink to name, role and first sentence,
 * and locations to their first sentence;</li>
 * <li>the one-line summaries of distant chapters are dropped, earliest first;</li>
 * <li>the sample passage shrinks to two sentences, then goes;</li>
 * <li>the recent summaries shrink to their first sentence;</li>
 * <li>the previous chapter's quote goes;</li>
 * <li>the outline overview goes;</li>
 * <li>as a last resort the text is cut at the end of the context (the task stays), and if
 * even that is not enough the whole prompt is cut.</li>
 * </ol>
 * The budget is never exceeded, by the estimator's count.
 */
public final class ContextAssembler {

	private static final int MIN_TAIL_TOKENS = 100;

	private static final int NEIGHBOURS = 2;

	private final TokenEstimator estimator;

	public ContextAssembler(TokenEstimator estimator) {
		this.estimator = Objects.requireNonNull(estimator);
	}

	public AssembledContext assemble(ContextRequest request, ContextBudget budget) {
		String tail = tail(request.previousChapterText(), budget.previousTailTokens());
		State state = new State(request, budget, relevant(request, tail));
		state.tail = tail;
		List<String> trims = new ArrayList<>();
		String[] prompt = render(state);
		int tokens = estimate(prompt);
		while (tokens > budget.maxInputTokens()) {
			String trim = state.trimOnce(this);
			if (trim == null) {
				break;
			}
			trims.add(trim);
			prompt = render(state);
			tokens = estimate(prompt);
		}
		if (tokens > budget.maxInputTokens()) {
			trims.add("truncate");
			prompt = truncate(prompt, request.task(), budget.maxInputTokens());
			tokens = estimate(prompt);
		}
		return new AssembledContext(prompt[0], prompt[1], tokens, names(state.characters), names(state.locations),
				names(state.lore), trims);
	}

	/** The bible entries relevant to the chapter, in bible order. */
	public static List<BibleEntry> relevant(ContextRequest request, String previousTail) {
		StringBuilder corpus = new StringBuilder();
		ChapterOutline chapter = request.chapter();
		corpus.append(chapter.title()).append('\n').append(chapter.summary()).append('\n').append(chapter.pov());
		for (SceneBeat beat : chapter.beats()) {
			corpus.append('\n').append(beat.title()).append('\n').append(beat.description());
		}
		List<String> povs = new ArrayList<>();
		if (!chapter.pov().isBlank()) {
			povs.add(chapter.pov());
		}
		if (request.plan() != null) {
			for (ScenePlan scene : request.plan().scenes()) {
				corpus.append('\n')
					.append(String.join("\n", scene.title(), scene.location(), scene.goal(), scene.conflict(),
							scene.outcome(), String.join(", ", scene.characters())));
				if (!scene.pov().isBlank()) {
					povs.add(scene.pov());
				}
			}
		}
		corpus.append('\n').append(previousTail);
		String text = corpus.toString();
		String stylePov = request.bible().style().pointOfView();
		List<BibleEntry> relevant = new ArrayList<>();
		for (BibleEntry entry : request.bible().entries()) {
			boolean mentioned = entry.names().stream().anyMatch((name) -> Texts.mentions(text, name));
			boolean pov = (entry instanceof StoryCharacter) && entry.names()
				.stream()
				.anyMatch((name) -> povs.stream().anyMatch((p) -> p.equalsIgnoreCase(name))
						|| Texts.mentions(stylePov, name));
			if (mentioned || pov) {
				relevant.add(entry);
			}
		}
		return relevant;
	}

	/** The end of the text worth at most {@code tokens}, starting at a word. */
	String tail(String text, int tokens) {
		if (tokens <= 0 || text.isBlank()) {
			return "";
		}
		String stripped = text.strip();
		if (this.estimator.estimate(stripped) <= tokens) {
			return stripped;
		}
		int low = 0;
		int high = stripped.length();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.estimator.estimate(stripped.substring(mid)) <= tokens) {
				high = mid;
			}
			else {
				low = mid + 1;
			}
		}
		int start = low;
		while (start < stripped.length() && start > 0 && !Character.isWhitespace(stripped.charAt(start - 1))) {
			start++;
		}
		return stripped.substring(Math.min(start, stripped.length())).strip();
	}

	private int estimate(String[] prompt) {
		return this.estimator.estimate(prompt[0]) + this.estimator.estimate(prompt[1]);
	}

	private String[] render(State state) {
		ContextRequest request = state.request;
		StoryBible bible = request.bible();
		StringBuilder system = new StringBuilder(request.systemPreamble().strip());
		StyleGuide style = bible.style();
		appendLine(system, "\n\nPoint of view: ", style.pointOfView());
		appendLine(system, "\nTense: ", style.tense());
		appendLine(system, "\nVoice: ", style.voice());
		if (!state.sample.isEmpty()) {
			system.append("\n\nA passage in the author's voice, to match:\n\"\"\"\n")
				.append(state.sample)
				.append("\n\"\"\"");
		}

		StringBuilder user = new StringBuilder();
		user.append("# Book\n");
		appendLine(user, "Title: ", bible.title());
		appendLine(user, "\nGenres: ", String.join(", ", bible.genres()));
		appendLine(user, "\nTone: ", bible.tone());
		appendLine(user, "\nPremise: ", bible.premise());
		appendLine(user, "\nNotes: ", bible.notes());

		if (!state.characters.isEmpty()) {
			user.append("\n\n# Characters in this chapter");
			for (StoryCharacter character : state.characters) {
				user.append("\n- ").append(character.name());
				if (!character.aliases().isEmpty()) {
					user.append(" (also ").append(String.join(", ", character.aliases())).append(')');
				}
				if (!character.role().isEmpty()) {
					user.append(", ").append(character.role());
				}
				boolean brief = state.briefEntries && !state.povNames.contains(character.name());
				String description = brief ? Texts.firstSentence(character.description()) : character.description();
				appendLine(user, ": ", description);
				if (!brief) {
					appendLine(user, " Traits: ", String.join(", ", character.traits()));
					appendLine(user, " Arc: ", character.arc());
				}
			}
		}
		if (!state.locations.isEmpty()) {
			user.append("\n\n# Places");
			for (Location location : state.locations) {
				user.append("\n- ").append(location.name());
				appendLine(user, ": ",
						state.briefEntries ? Texts.firstSentence(location.description()) : location.description());
			}
		}
		if (!state.lore.isEmpty()) {
			user.append("\n\n# World and lore");
			for (LoreItem item : state.lore) {
				user.append("\n- ").append(item.name());
				appendLine(user, ": ", item.description());
			}
		}

		int current = request.chapter().number();
		if (state.outlineOverview) {
			user.append("\n\n# Outline of the book");
			if (!request.outline().structure().isEmpty()) {
				user.append(" (").append(request.outline().structure()).append(')');
			}
			for (ChapterOutline chapter : request.outline().chapters()) {
				user.append('\n').append(chapter.number()).append(". ").append(chapter.title());
				boolean near = Math.abs(chapter.number() - current) <= NEIGHBOURS;
				if (chapter.number() != current && (!state.overviewNeighboursOnly || near)) {
					appendLine(user, ": ", Texts.firstSentence(chapter.summary()));
				}
			}
		}

		ChapterOutline chapter = request.chapter();
		user.append("\n\n# This chapter: ").append(chapter.number()).append(". ").append(chapter.title());
		appendLine(user, "\n", chapter.summary());
		appendLine(user, "\nPoint of view: ", chapter.pov());
		for (SceneBeat beat : chapter.beats()) {
			user.append("\n- ").append(beat.title());
			appendLine(user, ": ", beat.description());
		}
		ChapterPlan plan = request.plan();
		if (plan != null && !plan.scenes().isEmpty()) {
			user.append("\n\n## Scene plan");
			int n = 0;
			for (ScenePlan scene : plan.scenes()) {
				user.append("\n").append(++n).append(". ").append(scene.title());
				appendLine(user, " (POV ", scene.pov().isEmpty() ? "" : scene.pov() + ")");
				appendLine(user, " at ", scene.location());
				appendLine(user, ". With: ", String.join(", ", scene.characters()));
				appendLine(user, ". Goal: ", scene.goal());
				appendLine(user, ". Conflict: ", scene.conflict());
				appendLine(user, ". Outcome: ", scene.outcome());
			}
		}

		List<ChapterSummary> summaries = state.summaries();
		if (!summaries.isEmpty()) {
			user.append("\n\n# Story so far");
			if (state.droppedDistant > 0) {
				user.append("\n(Chapters before ")
					.append(summaries.getFirst().number())
					.append(" are in the outline.)");
			}
			for (int i = 0; i < summaries.size(); i++) {
				ChapterSummary summary = summaries.get(i);
				boolean full = state.isFull(i + state.droppedDistant);
				user.append("\nChapter ").append(summary.number());
				appendLine(user, " (", summary.title().isEmpty() ? "" : summary.title() + ")");
				appendLine(user, ": ", full ? summary.summary() : Texts.firstSentence(summary.summary()));
			}
		}

		if (!state.tail.isEmpty()) {
			user.append("\n\n# End of the previous chapter\n\"\"\"\n…").append(state.tail).append("\n\"\"\"");
		}
		user.append("\n\n# Task\n").append(request.task().strip());
		return new String[] { system.toString().strip(), user.toString().strip() };
	}

	private String[] truncate(String[] prompt, String task, int budget) {
		String system = prompt[0];
		if (this.estimator.estimate(system) > budget / 2) {
			system = prefixWithin(system, budget / 2);
		}
		int left = budget - this.estimator.estimate(system);
		String taskPart = "\n\n# Task\n" + task.strip();
		String user = prompt[1];
		int cut = user.lastIndexOf(taskPart);
		if (cut > 0) {
			// Estimates are not exactly additive across the joint, so reserve a little
			// more
			// until the joined text fits.
			for (int reserve = this.estimator.estimate(taskPart) + this.estimator.estimate("\n…")
					+ 1; reserve < left; reserve += 2) {
				String context = prefixWithin(user.substring(0, cut), left - reserve);
				String candidate = (context.isBlank() ? taskPart : context + "\n…" + taskPart).strip();
				if (this.estimator.estimate(candidate) <= left) {
					return new String[] { system, candidate };
				}
			}
		}
		return new String[] { system, prefixWithin(user, left) };
	}

	/** The longest prefix whose estimate is within {@code tokens}. */
	private String prefixWithin(String text, int tokens) {
		if (tokens <= 0) {
			return "";
		}
		int low = 0;
		int high = text.length();
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (this.estimator.estimate(text.substring(0, mid)) <= tokens) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return text.substring(0, low);
	}

	private static void appendLine(StringBuilder out, String label, String value) {
		if (!value.isBlank()) {
			out.append(label).append(value.strip());
		}
	}

	private static <T extends BibleEntry> List<String> names(List<T> entries) {
		return entries.stream().map(BibleEntry::name).toList();
	}

	/** What is still in the prompt; each trim step narrows it. */
	private static final class State {

		final ContextRequest request;

		final ContextBudget budget;

		final List<StoryCharacter> characters = new ArrayList<>();

		final List<Location> locations = new ArrayList<>();

		final List<LoreItem> lore = new ArrayList<>();

		final List<String> povNames = new ArrayList<>();

		final List<ChapterSummary> earlier;

		/** Summaries below this index (oldest first) are shrunk to one line. */
		int oneLineBelow;

		int droppedDistant;

		boolean recentOneLine;

		boolean overviewNeighboursOnly;

		boolean outlineOverview = true;

		boolean briefEntries;

		String sample;

		int sampleStep;

		int tailTokens;

		String tail;

		State(ContextRequest request, ContextBudget budget, List<BibleEntry> relevant) {
			this.request = request;
			this.budget = budget;
			for (BibleEntry entry : relevant) {
				switch (entry) {
					case StoryCharacter c -> this.characters.add(c);
					case Location l -> this.locations.add(l);
					case LoreItem i -> this.lore.add(i);
				}
			}
			String chapterPov = request.chapter().pov();
			for (StoryCharacter character : this.characters) {
				if (character.names().stream().anyMatch((n) -> n.equalsIgnoreCase(chapterPov)) || character.names()
					.stream()
					.anyMatch((n) -> Texts.mentions(request.bible().style().pointOfView(), n))) {
					this.povNames.add(character.name());
				}
			}
			this.earlier = request.earlier()
				.stream()
				.filter((s) -> s.number() < request.chapter().number())
				.sorted(Comparator.comparingInt(ChapterSummary::number))
				.toList();
			this.sample = request.bible().style().samplePassage();
			this.tailTokens = budget.previousTailTokens();
			this.tail = "";
		}

		List<ChapterSummary> summaries() {
			return this.earlier.subList(this.droppedDistant, this.earlier.size());
		}

		boolean isFull(int index) {
			int recentStart = Math.max(0, this.earlier.size() - this.budget.recentSummariesInFull());
			if (index >= recentStart) {
				return !this.recentOneLine;
			}
			return index >= this.oneLineBelow;
		}

		/** Applies the next trim step; {@code null} when nothing is left to trim. */
		@Nullable String trimOnce(ContextAssembler assembler) {
			int recentStart = Math.max(0, this.earlier.size() - this.budget.recentSummariesInFull());
			if (this.oneLineBelow < recentStart) {
				this.oneLineBelow++;
				return "summary-one-line:" + this.earlier.get(this.oneLineBelow - 1).number();
			}
			if (!this.overviewNeighboursOnly && this.outlineOverview) {
				this.overviewNeighboursOnly = true;
				return "outline-neighbours-only";
			}
			if (!this.lore.isEmpty()) {
				return "drop-lore:" + this.lore.removeLast().name();
			}
			if (this.tailTokens > MIN_TAIL_TOKENS && !this.tail.isEmpty()) {
				this.tailTokens = Math.max(MIN_TAIL_TOKENS, this.tailTokens / 2);
				this.tail = assembler.tail(this.request.previousChapterText(), this.tailTokens);
				return "shorten-previous-tail:" + this.tailTokens;
			}
			if (!this.briefEntries && (!this.characters.isEmpty() || !this.locations.isEmpty())) {
				this.briefEntries = true;
				return "brief-entries";
			}
			if (this.droppedDistant < recentStart) {
				this.droppedDistant++;
				return "drop-summary:" + this.earlier.get(this.droppedDistant - 1).number();
			}
			if (!this.sample.isEmpty()) {
				if (this.sampleStep++ == 0) {
					List<String> sentences = Texts.sentences(this.sample);
					if (sentences.size() > 2) {
						this.sample = String.join(" ", sentences.subList(0, 2));
						return "shorten-sample";
					}
				}
				this.sample = "";
				return "drop-sample";
			}
			if (!this.recentOneLine && !summaries().isEmpty()) {
				this.recentOneLine = true;
				return "recent-summaries-one-line";
			}
			if (!this.tail.isEmpty()) {
				this.tail = "";
				this.tailTokens = 0;
				return "drop-previous-tail";
			}
			if (this.outlineOverview && this.request.outline().chapters().size() > 0) {
				this.outlineOverview = false;
				return "drop-outline-overview";
			}
			return null;
		}

	}

}
