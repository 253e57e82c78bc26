package io.authorworks.platform.test.houserules.good.book;

import java.util.UUID;

/**
 * What a client sees of a book.
 *
 * @param id the id
 * @param title the title
 */
public record BookResponse(UUID id, String title) {
}
