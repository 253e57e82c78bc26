package io.authorworks.users.twofactor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * RFC 6238 time-based codes: the RFC's own test vectors, and properties over seeded
 * random secrets and times.
 */
class TotpTests {

	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void matchesTheRfc6238Sha1Vectors(long seconds, String expected) {
		Totp totp = new Totp(8, Duration.ofSeconds(30), 1);
		assertThat(totp.code(RFC_SEED, Instant.ofEpochSecond(seconds))).isEqualTo(expected);
		assertThat(totp.verify(RFC_SEED, expected, Instant.ofEpochSecond(seconds)))
			.hasValue(totp.step(Instant.ofEpochSecond(seconds)));
	}

	@Test
	void sixDigitCodesAreTheLastSixDigitsOfTheRfcVectors() {
		assertThat(Totp.STANDARD.code(RFC_SEED, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.STANDARD.code(RFC_SEED, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
	}

	@Test
	void codesVerifyInTheirStepAndOneStepEitherSideButNotThreeAway() {
		RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(20260611L);
		for (int i = 0; i < 1_000; i++) {
			byte[] secret = new byte[20];
			random.nextBytes(secret);
			Instant time = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L));
			String code = Totp.STANDARD.code(secret, time);
			long step = Totp.STANDARD.step(time);
			assertThat(code).hasSize(6).containsOnlyDigits();
			assertThat(Totp.STANDARD.verify(secret, code, time)).hasValue(step);
			assertThat(Totp.STANDARD.verify(secret, code, time.plusSeconds(30))).hasValue(step);
			assertThat(Totp.STANDARD.verify(secret, code, time.minusSeconds(30))).hasValue(step);
			assertThat(Totp.STANDARD.verify(secret, code, time.plusSeconds(90))).isEmpty();
			assertThat(Totp.STANDARD.verify(secret, code, time.minusSeconds(90))).isEmpty();
		}
	}

	@Test
	void malformedCandidatesNeverVerify() {
		Instant now = Instant.ofEpochSecond(1_700_000_000L);
		String code = Totp.STANDARD.code(RFC_SEED, now);
		assertThat(Totp.STANDARD.verify(RFC_SEED, code + "0", now)).isEmpty();
		assertThat(Totp.STANDARD.verify(RFC_SEED, code.substring(1), now)).isEmpty();
		assertThat(Totp.STANDARD.verify(RFC_SEED, "12a456", now)).isEmpty();
		assertThat(Totp.STANDARD.verify(RFC_SEED, "", now)).isEmpty();
	}

	@Test
	void digitCountIsLimitedToWhatRfc4226Defines() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Totp(5, Duration.ofSeconds(30), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Totp(9, Duration.ofSeconds(30), 1));
	}

}
