package io.authorworks.content.assist;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An interactive operation on a selection or at the cursor.
 *
 * @param operation brainstorm, rewrite, expand, shorten, describe or continue
 * @param chapterId the chapter the text is in, if any; it must belong to the book
 * @param selection the selected text (may be empty for continue, brainstorm and describe)
 * @param before the text before the selection or cursor
 * @param after the text after it
 * @param instructions what the author asks for, in their words
 */
record AssistRequest(@Nullable String operation, @Nullable UUID chapterId, @Nullable String selection,
		@Nullable String before, @Nullable String after, @Nullable String instructions) {

}
