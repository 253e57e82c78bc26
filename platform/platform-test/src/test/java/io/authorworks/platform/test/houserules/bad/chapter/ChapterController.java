package io.authorworks.platform.test.houserules.bad.chapter;

import io.authorworks.platform.test.houserules.bad.book.internal.BookIndex;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reaches into the book feature's internals.
 */
@RestController
class ChapterController {

	private final BookIndex index;

	ChapterController(BookIndex index) {
		this.index = index;
	}

	@GetMapping("/chapters")
	boolean chapter() {
		return this.index.contains("t");
	}

}
