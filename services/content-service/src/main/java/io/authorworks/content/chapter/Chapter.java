package io.authorworks.content.chapter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A chapter as stored.
 *
 * @param id the chapter
 * @param bookId its book
 * @param position its 1-based place in the book; positions are always exactly 1..n
 * @param title its title
 * @param content its Markdown
 * @param wordCount words in the Markdown, counted by the server
 * @param status {@code draft}, {@code revising} or {@code final}
 * @param publishedAt when its current published text was published
 * @param version bumped by every change to title, text or status
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Chapter(UUID id, UUID bookId, int position, String title, String content, int wordCount, String status,
		@Nullable Instant publishedAt, long version, Instant createdAt, Instant updatedAt) {

	public static final List<String> STATUSES = List.of("draft", "revising", "final");

}
