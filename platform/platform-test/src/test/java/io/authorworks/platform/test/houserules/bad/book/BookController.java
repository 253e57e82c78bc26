package io.authorworks.platform.test.houserules.bad.book;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns persistence rows, once wrapped in generics and once as an array.
 */
@RestController
class BookController {

	private final Books books;

	BookController(Books books) {
		this.books = books;
	}

	@GetMapping("/books")
	ResponseEntity<List<Books.BookRow>> list() {
		return ResponseEntity.ok(this.books.all());
	}

	@GetMapping("/books/array")
	Books.BookRow[] array() {
		return this.books.all().toArray(Books.BookRow[]::new);
	}

}
