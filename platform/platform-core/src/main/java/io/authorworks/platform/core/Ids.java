package io.authorworks.platform.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * Time-ordered UUID version 7 identifiers (RFC 9562), so new rows sort by creation and
 * index well.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final ReentrantLock LOCK = new ReentrantLock();

	private static long lastMillis;

	private static long sequence;

	private Ids() {
	}

	/**
	 * A new version 7 UUID. Within one millisecond a 12-bit counter keeps ids from one
	 * JVM monotonic.
	 */
	public static UUID newId() {
		return newId(Clock.systemUTC());
	}

	static UUID newId(Clock clock) {
		long millis;
		long seq;
		LOCK.lock();
		try {
			millis = clock.millis();
			if (millis <= lastMillis) {
				millis = lastMillis;
				sequence++;
				if (sequence > 0xFFF) {
					millis = ++lastMillis;
					sequence = 0;
				}
			}
			else {
				lastMillis = millis;
				sequence = RANDOM.nextInt(0x800);
			}
			seq = sequence;
		}
		finally {
			LOCK.unlock();
		}
		long msb = (millis << 16) | 0x7000L | seq;
		long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	/**
	 * Parses a UUID, answering {@code null} for anything that is not one, so callers can
	 * turn bad input into a 400 or 404 instead of a 500.
	 */
	public static @Nullable UUID parseOrNull(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
