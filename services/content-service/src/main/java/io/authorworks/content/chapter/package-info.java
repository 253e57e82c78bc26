/**
 * Chapters: their Markdown, word counts, statuses and order, edited with optimistic
 * concurrency and kept gap-free and duplicate-free under concurrent reorders.
 */
@NullMarked
package io.authorworks.content.chapter;

import org.jspecify.annotations.NullMarked;
