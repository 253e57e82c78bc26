package io.authorworks.content.chapter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.core.ETags;
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
 * @param stamp changes with every write to the stored row, also those that leave the
 * version alone (position, publication time, a recount): PostgreSQL's {@code xmin}, the
 * transaction that wrote this row version
 */
public record Chapter(UUID id, UUID bookId, int position, String title, String content, int wordCount, String status,
		@Nullable Instant publishedAt, long version, Instant createdAt, Instant updatedAt, long stamp) {

	public static final List<String> STATUSES = List.of("draft", "revising", "final");

	/**
	 * The strong ETag of this chapter's representation: its version, for
	 * {@code If-Match}, and its stamp, for {@code If-None-Match}.
	 */
	public String etag() {
		return ETags.of(this.version, this.stamp);
	}

}
