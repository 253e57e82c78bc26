package io.authorworks.users.twofactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) with HMAC-SHA1, as every
 * authenticator app computes them. A code is accepted in its own time step and one step
 * either side, to allow for clock drift and slow typing.
 */
final class Totp {

	/** What authenticator apps use by default: 6 digits every 30 seconds. */
	static final Totp STANDARD = new Totp(6, Duration.ofSeconds(30), 1);

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private final int digits;

	private final long periodSeconds;

	private final int window;

	Totp(int digits, Duration period, int window) {
		if (digits < 6 || digits > 8) {
			throw new IllegalArgumentException("RFC 4226 codes have 6 to 8 digits");
		}
		this.digits = digits;
		this.periodSeconds = period.toSeconds();
		this.window = window;
	}

	int digits() {
		return this.digits;
	}

	long periodSeconds() {
		return this.periodSeconds;
	}

	/** The time step an instant falls into (RFC 6238's T, with T0 = 0). */
	long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), this.periodSeconds);
	}

	/** The code for a time step. */
	String code(byte[] secret, long step) {
		byte[] hash = hmacSha1(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS[this.digits]);
		return "0".repeat(this.digits - code.length()) + code;
	}

	String code(byte[] secret, Instant time) {
		return code(secret, step(time));
	}

	/**
	 * The time step whose code this is, looking at the current step and the tolerated
	 * neighbours; empty when the code matches none. Every candidate is compared in
	 * constant time and all are compared, so timing tells nothing about near misses.
	 */
	OptionalLong verify(byte[] secret, String candidate, Instant now) {
		if (candidate.length() != this.digits || !candidate.chars().allMatch(Character::isDigit)) {
			return OptionalLong.empty();
		}
		byte[] given = candidate.getBytes(StandardCharsets.US_ASCII);
		long current = step(now);
		long matched = Long.MIN_VALUE;
		for (long step = current - this.window; step <= current + this.window; step++) {
			byte[] expected = code(secret, step).getBytes(StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, given) && matched == Long.MIN_VALUE) {
				matched = step;
			}
		}
		return (matched != Long.MIN_VALUE) ? OptionalLong.of(matched) : OptionalLong.empty();
	}

	private static byte[] hmacSha1(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", ex);
		}
	}

}
