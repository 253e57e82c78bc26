/**
 * The limits the content-service validates, so that forms refuse what the server would.
 * Each names the server constant it mirrors; `limits.test.ts` reads those constants and
 * fails when the two drift apart.
 */

/** `Checks.TITLE_MAX_LENGTH`: book, chapter and series titles and subtitles. */
export const TITLE_MAX_LENGTH = 200;

/** `GenerationProperties.DEFAULT_MAX_CHAPTERS`: chapters one generation job may plan. */
export const GENERATION_MAX_CHAPTERS = 50;

/** `GenerationJobs.MIN_TARGET_WORDS` and `MAX_TARGET_WORDS`: words per generated chapter. */
export const TARGET_WORDS_MIN = 50;
export const TARGET_WORDS_MAX = 10_000;
