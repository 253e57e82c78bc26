package io.authorworks.platform.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTests {

	static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	final List<String> verified = new ArrayList<>();

	final MutableClock clock = new MutableClock(NOW);

	/** Accepts tokens "good-<seconds to expiry>", rejects everything else. */
	final JwtDecoder delegate = (token) -> {
		this.verified.add(token);
		if (!token.startsWith("good-")) {
			throw new BadJwtException("bad signature");
		}
		Instant expiresAt = NOW.plusSeconds(Long.parseLong(token.substring(5)));
		if (!this.clock.instant().isBefore(expiresAt)) {
			throw new BadJwtException("expired");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("ada")
			.issuedAt(NOW)
			.expiresAt(expiresAt)
			.build();
	};

	final VerifiedTokenCache cache = new VerifiedTokenCache(this.delegate, 100, Duration.ofMinutes(5), this.clock);

	@Test
	void aTokenIsVerifiedOnceAndThenRemembered() {
		Jwt first = this.cache.decode("good-600");
		Jwt second = this.cache.decode("good-600");

		assertThat(second).isSameAs(first);
		assertThat(this.verified).containsExactly("good-600");
	}

	@Test
	void anotherTokenIsVerifiedOnItsOwn() {
		this.cache.decode("good-600");
		this.cache.decode("good-601");

		assertThat(this.verified).containsExactly("good-600", "good-601");
	}

	@Test
	void failuresAreNeverRemembered() {
		assertThatThrownBy(() -> this.cache.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> this.cache.decode("forged")).isInstanceOf(BadJwtException.class);

		assertThat(this.verified).containsExactly("forged", "forged");
	}

	@Test
	void anExpiredTokenIsVerifiedAgainAndRejected() {
		this.cache.decode("good-60");
		this.clock.now = NOW.plusSeconds(60);

		assertThatThrownBy(() -> this.cache.decode("good-60")).isInstanceOf(BadJwtException.class)
			.hasMessage("expired");
		assertThat(this.verified).containsExactly("good-60", "good-60");
	}

	@Test
	void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
		this.cache.decode("good-3600");
		this.clock.now = NOW.plus(Duration.ofMinutes(4));
		this.cache.decode("good-3600");
		this.clock.now = NOW.plus(Duration.ofMinutes(5));
		this.cache.decode("good-3600");

		assertThat(this.verified).containsExactly("good-3600", "good-3600");
	}

	static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public long millis() {
			return this.now.toEpochMilli();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
