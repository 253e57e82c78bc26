package io.authorworks.platform.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens the delegate has verified, so a client that sends the same access
 * token with every request (an editor autosaving every few seconds) pays for the
 * signature check and claim validation once, not per request (bench/README.md).
 *
 * <p>
 * The key is the whole token, signature included: only the exact bytes that were verified
 * match, so a forged or altered token always goes to the delegate. A remembered token is
 * used only before its {@code exp}; after that, or once it has been remembered for
 * {@code maxAge} (bounding how long a key rotation or a changed validator takes to
 * apply), it is verified again. Failures are never remembered. The cache is bounded in
 * size (Caffeine, evicting the least useful entries).
 */
public final class VerifiedTokenCache implements JwtDecoder {

	private final JwtDecoder delegate;

	private final Cache<String, Jwt> verified;

	private final Clock clock;

	public VerifiedTokenCache(JwtDecoder delegate, long maximumSize, Duration maxAge, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterWrite(maxAge)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null) {
			Instant expiresAt = known.getExpiresAt();
			if (expiresAt != null && this.clock.instant().isBefore(expiresAt)) {
				return known;
			}
			this.verified.invalidate(token);
		}
		Jwt jwt = this.delegate.decode(token);
		if (jwt.getExpiresAt() != null) {
			this.verified.put(token, jwt);
		}
		return jwt;
	}

}
