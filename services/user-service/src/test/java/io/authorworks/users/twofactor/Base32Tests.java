package io.authorworks.users.twofactor;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Base32 as RFC 4648 §10 defines it, without padding on output.
 */
class Base32Tests {

	@ParameterizedTest
	@CsvSource(value = { "'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
			"foobar, MZXW6YTBOI" })
	void encodesTheRfc4648Vectors(String text, String encoded) {
		assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
	}

	@ParameterizedTest
	@CsvSource({ "MY======, f", "MZXQ====, fo", "MZXW6===, foo", "MZXW6YQ=, foob", "MZXW6YTB, fooba",
			"MZXW6YTBOI======, foobar", "mzxw 6ytb-oi, foobar" })
	void decodesPaddedLowerCaseAndGroupedInput(String encoded, String text) {
		assertThat(new String(Base32.decode(encoded), StandardCharsets.US_ASCII)).isEqualTo(text);
	}

	@Test
	void roundTripsRandomBytes() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(4648L);
		for (int i = 0; i < 500; i++) {
			byte[] data = new byte[random.nextInt(0, 64)];
			random.nextBytes(data);
			assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
		}
	}

	@Test
	void rejectsCharactersOutsideTheAlphabet() {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXW1"));
	}

}
