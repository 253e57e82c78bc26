package io.authorworks.platform.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChecksTests {

	@Test
	void everyViolationIsReportedInOneProblem() {
		Checks checks = new Checks();
		checks.required("title", "  ", 10);
		checks.optional("subtitle", "x".repeat(11), 10);
		checks.oneOf("visibility", "secret", List.of("private", "public"));

		assertThat(checks.valid()).isFalse();
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(checks::throwIfInvalid).satisfies((ex) -> {
			assertThat(ex.type()).isEqualTo(ProblemType.VALIDATION);
			assertThat(ex.detail()).isEqualTo("3 fields are not valid");
		});
	}

	@Test
	void validInputComesBackCleaned() {
		Checks checks = new Checks();

		assertThat(checks.required("title", "  Dune \n", 10)).isEqualTo("Dune");
		assertThat(checks.labels("genres", List.of("SciFi", " scifi ", "Epic"), 5, 20)).containsExactly("scifi",
				"epic");
		assertThat(checks.texts("aliases", List.of(" Muad'Dib "), 5, 20)).containsExactly("Muad'Dib");
		assertThat(checks.language("language", "en-gb")).isEqualTo("en-GB");
		assertThat(checks.longText("content", "  # One\n", 100)).isEqualTo("  # One\n");
		assertThat(checks.reference("cover", " covers/dune.png ")).isEqualTo("covers/dune.png");
		assertThat(checks.reference("cover", "https://example.org/c.png")).isEqualTo("https://example.org/c.png");
		assertThat(checks.reference("cover", "")).isEmpty();
		assertThat(checks.optional("subtitle", null, 10)).isNull();
		assertThat(checks.valid()).isTrue();
		checks.throwIfInvalid();
	}

	@Test
	void eachCheckNamesTheFieldItRefused() {
		Checks checks = new Checks();
		checks.optional("title", "bell\u0007", 10);
		checks.longText("content", "nul\u0000", 100);
		checks.labels("genres", List.of("ok", ""), 5, 20);
		checks.texts("traits", List.of("a", "b", "c"), 2, 20);
		checks.language("language", "not a tag");
		checks.reference("cover", "../etc/passwd");
		checks.reference("link", "https://");

		assertThat(violations(checks)).containsExactly("title", "content", "genres[1]", "traits", "language", "cover",
				"link");
	}

	@SuppressWarnings("unchecked")
	private static List<String> violations(Checks checks) {
		try {
			checks.throwIfInvalid();
			return List.of();
		}
		catch (InvalidRequestException ex) {
			List<Violation> violations = (List<Violation>) ex.properties().get("violations");
			return (violations != null) ? violations.stream().map(Violation::field).toList() : List.of("(none)");
		}
	}

}
