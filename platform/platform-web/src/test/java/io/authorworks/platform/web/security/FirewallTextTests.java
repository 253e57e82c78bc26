package io.authorworks.platform.web.security;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirewallTextTests {

	/** What StrictHttpFirewall checks by default. */
	static final Pattern STRICT_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	@Test
	void acceptsExactlyWhatTheFirewallsDefaultRegexAccepts() {
		SplittableRandom random = new SplittableRandom(20261127);
		int rejected = 0;
		for (int n = 0; n < 20_000; n++) {
			String text = randomText(random);
			boolean expected = STRICT_DEFAULT.matcher(text).matches();
			assertThat(FirewallText.isAllowed(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
				.isEqualTo(expected);
			rejected += expected ? 0 : 1;
		}
		// Both outcomes were exercised, not only the easy one.
		assertThat(rejected).isBetween(2_000, 18_000);
	}

	@Test
	void everyCodePointOnItsOwnIsJudgedAsTheRegexJudgesIt() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = new String(Character.toChars(codePoint));
			if (FirewallText.isAllowed(text) != STRICT_DEFAULT.matcher(text).matches()) {
				throw new AssertionError("U+" + Integer.toHexString(codePoint));
			}
		}
	}

	@Test
	void typicalHeadersPass() {
		assertThat(FirewallText.isAllowed("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2ln")).isTrue();
		assertThat(FirewallText.isAllowed("text/html,application/xhtml+xml;q=0.9")).isTrue();
		assertThat(FirewallText.isAllowed("")).isTrue();
		assertThat(FirewallText.isAllowed("evil\r\nSet-Cookie: x=1")).isFalse();
	}

	/**
	 * Mostly printable ASCII, with controls, unassigned and astral code points mixed in.
	 */
	private static String randomText(SplittableRandom random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(0, 12);
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(100);
			int codePoint;
			if (kind < 85) {
				codePoint = random.nextInt(0x20, 0x7F);
			}
			else if (kind < 90) {
				codePoint = random.nextInt(0, 0x20);
			}
			else if (kind < 93) {
				codePoint = random.nextInt(0x7F, 0xA0);
			}
			else if (kind < 96) {
				codePoint = random.nextInt(0xA0, 0x10000);
			}
			else {
				codePoint = random.nextInt(0x10000, Character.MAX_CODE_POINT + 1);
			}
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

}
