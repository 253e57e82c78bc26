package io.authorworks.platform.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * If-Match as RFC 9110 reads it: strong comparison, lists, {@code *}, and the 428/412
 * answers of the API conventions.
 */
class ETagsTests {

	@Test
	void aMissingHeaderIsRefusedWhereRequiredAndIgnoredWhereOptional() {
		assertThatThrownBy(() -> ETags.ifMatch(null).require(3, "chapter")).isInstanceOf(ProblemException.class)
			.satisfies((ex) -> assertThat(((ProblemException) ex).type().status()).isEqualTo(428));
		assertThatNoException().isThrownBy(() -> ETags.ifMatch(" ").check(3, "chapter"));
	}

	@Test
	void matchingVersionsPassAndOthersFailWith412() {
		assertThatNoException().isThrownBy(() -> ETags.ifMatch("\"3\"").require(3, "chapter"));
		assertThatNoException().isThrownBy(() -> ETags.ifMatch("\"1\", \"3\"").require(3, "chapter"));
		assertThatNoException().isThrownBy(() -> ETags.ifMatch("*").require(3, "chapter"));
		for (String stale : new String[] { "\"2\"", "W/\"3\"", "3", "\"three\"", "garbage" }) {
			assertThatThrownBy(() -> ETags.ifMatch(stale).require(3, "chapter")).as(stale)
				.isInstanceOf(ProblemException.class)
				.satisfies((ex) -> assertThat(((ProblemException) ex).type().status()).isEqualTo(412));
		}
	}

	@Test
	void tagsAreStrongAndQuoted() {
		assertThat(ETags.of(7)).isEqualTo("\"7\"");
		assertThat(ETags.of(7, 912)).isEqualTo("\"7.912\"");
	}

	@Test
	void aRevalidationTagMatchesItsVersionOnIfMatch() {
		assertThatNoException().isThrownBy(() -> ETags.ifMatch("\"3.912\"").require(3, "chapter"));
		for (String stale : new String[] { "\"2.912\"", "W/\"3.912\"", "\"3x.1\"", "\".3\"" }) {
			assertThatThrownBy(() -> ETags.ifMatch(stale).require(3, "chapter")).as(stale)
				.isInstanceOf(ProblemException.class)
				.satisfies((ex) -> assertThat(((ProblemException) ex).type().status()).isEqualTo(412));
		}
	}

	@Test
	void ifNoneMatchComparesWeaklyAndIgnoresWhatItCannotRead() {
		assertThat(ETags.ifNoneMatch(null)).isNull();
		assertThat(ETags.ifNoneMatch(" ")).isNull();
		assertThat(ETags.ifNoneMatch("3.912")).as("unquoted").isNull();
		assertThat(ETags.ifNoneMatch("\"3\"4\"")).as("a quote inside").isNull();
		assertThat(matches("*", "\"3.912\"")).isTrue();
		assertThat(matches("\"3.912\"", "\"3.912\"")).isTrue();
		assertThat(matches("W/\"3.912\"", "\"3.912\"")).isTrue();
		assertThat(matches("\"1.5\", W/\"3.912\"", "\"3.912\"")).isTrue();
		assertThat(matches("\"3.911\", \"3\"", "\"3.912\"")).isFalse();
	}

	private static boolean matches(String header, String etag) {
		ETags.NoneMatch named = ETags.ifNoneMatch(header);
		return named != null && named.matches(etag);
	}

}
