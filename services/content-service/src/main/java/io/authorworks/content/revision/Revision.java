package io.authorworks.content.revision;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A chapter's title and text as they were after one save.
 *
 * @param id the revision
 * @param chapterId the chapter
 * @param bookId its book
 * @param number 1 for the first state, counting up; the highest is the current text
 * @param kind {@code created}, {@code saved}, {@code restored} or {@code imported}
 * @param restoredFrom for a restore, the number of the revision it brought back
 * @param authorId who saved it
 * @param title the title then
 * @param content the Markdown then
 * @param wordCount its words
 * @param chapterVersion the chapter's version after this save
 * @param createdAt when
 */
public record Revision(UUID id, UUID chapterId, UUID bookId, int number, String kind, @Nullable Integer restoredFrom,
		UUID authorId, String title, String content, int wordCount, long chapterVersion, Instant createdAt) {
}
