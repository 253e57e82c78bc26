package io.authorworks.platform.test.houserules.good.chapter;

import io.authorworks.platform.test.houserules.good.book.BookLookup;
import io.authorworks.platform.test.houserules.good.chapter.internal.ChapterText;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Uses another feature through its API and its own internals freely.
 */
@RestController
class ChapterController {

	private final BookLookup books;

	private final ChapterText text;

	ChapterController(BookLookup books, ChapterText text) {
		this.books = books;
		this.text = text;
	}

	@GetMapping("/chapters")
	String chapter() {
		return this.books.exists("t") ? this.text.text() : "";
	}

}
