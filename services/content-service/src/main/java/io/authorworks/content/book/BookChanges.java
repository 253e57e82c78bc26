package io.authorworks.content.book;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A new book, or changes to one: absent fields stay as they are, an empty string clears
 * an optional text, an empty list clears genres or tags.
 *
 * @param title 1 to 200 characters; required for a new book
 * @param subtitle up to 200 characters
 * @param description up to 5,000 characters
 * @param genres up to 10, each up to 40 characters
 * @param tags up to 30, each up to 40 characters
 * @param language a BCP 47 tag such as {@code en} or {@code pt-BR}; {@code en} by default
 * @param status {@code draft}, {@code writing}, {@code editing} or {@code archived}
 * @param visibility {@code private}, {@code unlisted} or {@code public}
 * @param coverRef an http(s) URL or an object-store key
 */
record BookChanges(@Nullable String title, @Nullable String subtitle, @Nullable String description,
		@Nullable List<String> genres, @Nullable List<String> tags, @Nullable String language, @Nullable String status,
		@Nullable String visibility, @Nullable String coverRef) {
}
