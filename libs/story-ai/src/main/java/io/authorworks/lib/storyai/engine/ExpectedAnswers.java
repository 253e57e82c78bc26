package io.authorworks.lib.storyai.engine;

import io.authorworks.lib.storyai.GenerationTask;
import io.authorworks.lib.storyai.cost.AnswerSize;
import io.authorworks.lib.storyai.cost.TokenEstimator;

/**
 * How long the answers to the bounded prompts (version 2) are expected to be, in output
 * tokens. Each of those prompts says which entries it wants and about how many words each
 * field should have, so the expected answer follows from the prompt's own numbers, the
 * cost of a JSON field and the tokens per word ({@link AnswerSize}); nothing here is
 * fitted to a model. The numbers below are the prompts' numbers (ContentAiTests checks
 * that each template still says them); a new prompt version that changes a size changes
 * it here too.
 *
 * <p>
 * How a prompt's words become numbers:
 * <ul>
 * <li>a count the prompt fixes is expected as is (three roles, one scene per beat);</li>
 * <li>a range is expected at its middle ("two or three" is 2.5);</li>
 * <li>entries the prompt allows only when the input calls for them (people, places and
 * things the premise names beyond the three roles, aliases the premise uses) are not
 * expected: the quote cannot know them, and a premise that names them adds a few tens of
 * tokens each;</li>
 * <li>"about N words" is N words, "a few words" is {@link #FEW_WORDS}, a name
 * {@link #NAME_WORDS};</li>
 * <li>text the answer repeats from the prompt (the premise) costs what the estimator
 * counts for it there.</li>
 * </ul>
 */
final class ExpectedAnswers {

	/** What the prompts mean by "a few words" (a title, a tone, a place). */
	static final double FEW_WORDS = 3;

	/** A character's name: a given name and a family name. */
	static final double NAME_WORDS = 2;

	/** "A protagonist, an antagonist and an ally or mentor". */
	static final int BIBLE_CHARACTERS = 3;

	/** "One or two genres". */
	static final double BIBLE_GENRES = 1.5;

	/** "Two or three one-word traits". */
	static final double BIBLE_TRAITS = 2.5;

	/** The sample passage: "two or three sentences in that voice, about 40 words". */
	static final int BIBLE_SAMPLE_WORDS = 40;

	/** "Every description one sentence, about 12 words". */
	static final int BIBLE_DESCRIPTION_WORDS = 12;

	/** "An arc of one sentence, about 12 words". */
	static final int BIBLE_ARC_WORDS = 12;

	/** "Notes: what the author should decide next, about 30 words". */
	static final int BIBLE_NOTES_WORDS = 30;

	/** "About 150 words in three or four short paragraphs". */
	static final int SYNOPSIS_WORDS = 150;

	/** "Two or three beats" per chapter. */
	static final double OUTLINE_BEATS = 2.5;

	/** A chapter's summary and a beat's description: "one sentence, about 15 words". */
	static final int OUTLINE_SENTENCE_WORDS = 15;

	/** "Who is present, usually two or three people". */
	static final double PLAN_PEOPLE = 2.5;

	/** A scene's goal and outcome: "one sentence, about 15 words". */
	static final int PLAN_GOAL_WORDS = 15;

	/** A scene's conflict: "one sentence, about 10 words". */
	static final int PLAN_CONFLICT_WORDS = 10;

	/** "One paragraph of about 80 words". */
	static final int SUMMARY_WORDS = 80;

	private ExpectedAnswers() {
	}

	/** The story bible: the three roles, no optional entries. */
	static long bible(GenerationTask.BibleFromPremise task, TokenEstimator estimator) {
		AnswerSize character = AnswerSize.json()
			.text(NAME_WORDS) // name
			.list(0, 0) // aliases: only those the premise uses
			.text(1) // role
			.text(BIBLE_DESCRIPTION_WORDS) // description
			.list(BIBLE_TRAITS, 1) // traits
			.text(BIBLE_ARC_WORDS); // arc
		AnswerSize style = AnswerSize.json()
			.text(FEW_WORDS) // pointOfView
			.text(1) // tense
			.text(FEW_WORDS) // voice
			.text(BIBLE_SAMPLE_WORDS); // samplePassage
		return AnswerSize.json()
			.text(FEW_WORDS) // title
			.field(estimator.estimate(task.premise())) // premise, as given
			.list(BIBLE_GENRES, 1) // genres
			.text(FEW_WORDS) // tone
			.object(style)
			.objects(BIBLE_CHARACTERS, character)
			.list(0, 0) // locations: only those the premise names
			.list(0, 0) // lore: only what the premise names
			.text(BIBLE_NOTES_WORDS) // notes
			.tokens();
	}

	static long synopsis() {
		return AnswerSize.prose(SYNOPSIS_WORDS).tokens();
	}

	/** The outline: exactly the chapters asked for. */
	static long outline(GenerationTask.OutlineBook task) {
		AnswerSize beat = AnswerSize.json()
			.text(FEW_WORDS) // title
			.text(OUTLINE_SENTENCE_WORDS); // description
		AnswerSize chapter = AnswerSize.json()
			.text(1) // number
			.text(FEW_WORDS) // title
			.text(OUTLINE_SENTENCE_WORDS) // summary
			.text(NAME_WORDS) // pov
			.objects(OUTLINE_BEATS, beat);
		return AnswerSize.json()
			.text(1) // structure
			.objects(task.chapters(), chapter)
			.tokens();
	}

	/** The chapter plan: one scene per beat of the chapter's outline entry. */
	static long chapterPlan(GenerationTask.PlanChapter task) {
		AnswerSize scene = AnswerSize.json()
			.text(FEW_WORDS) // title
			.text(NAME_WORDS) // pov
			.text(FEW_WORDS) // location
			.list(PLAN_PEOPLE, NAME_WORDS) // characters
			.text(PLAN_GOAL_WORDS) // goal
			.text(PLAN_CONFLICT_WORDS) // conflict
			.text(PLAN_GOAL_WORDS); // outcome
		return AnswerSize.json()
			.text(1) // number
			.text(FEW_WORDS) // title
			.objects(Math.max(1, task.chapter().beats().size()), scene)
			.tokens();
	}

	static long chapterSummary() {
		return AnswerSize.prose(SUMMARY_WORDS).tokens();
	}

}
