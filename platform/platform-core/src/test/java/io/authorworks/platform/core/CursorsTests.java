package io.authorworks.platform.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorsTests {

	@Test
	void aCursorReadsBackAsTheValuesItWasMadeFrom() {
		UUID id = UUID.randomUUID();
		Instant updated = Instant.parse("2026-03-01T10:15:30.123456Z");
		String cursor = Cursors.encode("books", Cursors.micros(updated), id.toString(), "7", updated.toString());

		Cursors.Keyset keyset = Cursors.keyset(cursor, "books", 4);

		assertThat(keyset).isNotNull();
		assertThat(keyset.micros(0)).isEqualTo(updated);
		assertThat(keyset.uuid(1)).isEqualTo(id);
		assertThat(keyset.integer(2)).isEqualTo(7);
		assertThat(keyset.instant(3)).isEqualTo(updated);
	}

	@Test
	void microsDropWhatPostgresqlCannotStore() {
		Instant precise = Instant.parse("2026-03-01T10:15:30.123456789Z");

		assertThat(keyset(Cursors.encode("s", Cursors.micros(precise)), "s", 1).micros(0))
			.isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
	}

	@Test
	void noCursorMeansTheFirstPage() {
		assertThat(Cursors.keyset(null, "books", 2)).isNull();
		assertThat(Cursors.keyset(" ", "books", 2)).isNull();
	}

	@Test
	void aCursorForAnotherListingIsABadRequest() {
		String cursor = Cursors.encode("series", "1", UUID.randomUUID().toString());

		assertBadRequest(() -> Cursors.keyset(cursor, "books", 2));
		assertBadRequest(() -> Cursors.keyset(cursor, "series", 3));
		assertBadRequest(() -> Cursors.keyset("not base64!", "series", 2));
	}

	@Test
	void aValueThatDoesNotReadBackIsABadRequest() {
		String forged = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("books\u001fyesterday\u001fnot-a-uuid".getBytes(StandardCharsets.UTF_8));
		Cursors.Keyset keyset = Cursors.keyset(forged, "books", 2);

		assertThat(keyset).isNotNull();
		assertBadRequest(() -> keyset.micros(0));
		assertBadRequest(() -> keyset.instant(0));
		assertBadRequest(() -> keyset.integer(0));
		assertBadRequest(() -> keyset.uuid(1));
		assertBadRequest(() -> keyset(Cursors.encode("s", "99999999999999999999"), "s", 1).micros(0));
	}

	@Test
	void limitsFollowTheConventions() {
		assertThat(Cursors.limit(null)).isEqualTo(20);
		assertThat(Cursors.limit(1)).isEqualTo(1);
		assertThat(Cursors.limit(100)).isEqualTo(100);
		assertBadRequest(() -> Cursors.limit(0));
		assertBadRequest(() -> Cursors.limit(101));
	}

	private static void assertBadRequest(Runnable call) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.BAD_REQUEST));
	}

	/** A keyset that must be there: these tests always pass a cursor. */
	private static Cursors.Keyset keyset(String cursor, String kind, int columns) {
		return java.util.Objects.requireNonNull(Cursors.keyset(cursor, kind, columns));
	}

}
