package io.authorworks.platform.test.houserules.good.book;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maps rows to responses before they leave.
 */
@RestController
class BookController {

	private final Books books;

	BookController(Books books) {
		this.books = books;
	}

	@GetMapping("/books")
	ResponseEntity<List<BookResponse>> list() {
		return ResponseEntity.ok(this.books.all().stream().map(this::response).toList());
	}

	// Not a handler: a helper may take a row.
	private BookResponse response(Books.BookRow row) {
		return new BookResponse(row.id(), row.title());
	}

}
