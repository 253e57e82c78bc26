package io.authorworks.gateway.bff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnToTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/books/42", "/books/42?tab=notes#c3", "/search?q=a%20b" })
	void pathsOnThisSiteAreKept(String path) {
		assertThat(ReturnTo.sanitize(path)).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "books", "https://evil.example/", "//evil.example/x", "/\\evil.example", "/a\\b",
			"javascript:alert(1)", "/x\r\nLocation: https://evil.example", "http:/evil" })
	void anythingElseBecomesTheHomePage(String candidate) {
		assertThat(ReturnTo.sanitize(candidate)).isEqualTo("/");
	}

}
