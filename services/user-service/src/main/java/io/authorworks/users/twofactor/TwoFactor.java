package io.authorworks.users.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import io.authorworks.platform.core.ConflictException;
import io.authorworks.platform.core.InvalidRequestException;
import io.authorworks.platform.core.NotFoundException;
import io.authorworks.platform.core.ProblemType;
import io.authorworks.users.account.UserAccount;
import io.authorworks.users.account.UserAccounts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turning two-factor sign-in on and off, and checking second factors. A person enrols by
 * adding the secret to an authenticator app and proving it with a first code; only then
 * is it enabled and ten one-time recovery codes are handed out, once. Codes are checked
 * in constant time, and neither a time step nor a recovery code works twice.
 */
@Service
public class TwoFactor {

	static final ProblemType ALREADY_ENABLED = new ProblemType("two-factor-already-enabled",
			"Two-factor sign-in is already on", 409);

	static final ProblemType NOT_ENABLED = new ProblemType("two-factor-not-enabled", "Two-factor sign-in is off", 409);

	static final ProblemType NOT_ENROLLED = new ProblemType("two-factor-not-enrolled",
			"No two-factor enrolment was started", 409);

	static final String ISSUER = "AuthorWorks";

	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TwoFactorStore store;

	private final TotpSecrets secrets;

	private final UserAccounts accounts;

	private final Clock clock;

	TwoFactor(TwoFactorStore store, TotpSecrets secrets, UserAccounts accounts, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Starts (or restarts) enrolment with a fresh secret. */
	@Transactional
	Enrollment start(UUID userId) {
		UserAccount account = this.accounts.findById(userId)
			.orElseThrow(() -> new NotFoundException("Your account no longer exists."));
		if (account.twoFactorEnabled()) {
			throw new ConflictException(ALREADY_ENABLED,
					"Two-factor sign-in is already on. Turn it off first to use another authenticator.");
		}
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		this.store.savePending(userId, this.secrets.seal(secret));
		String encoded = Base32.encode(secret);
		String uri = UriComponentsBuilder.newInstance()
			.scheme("otpauth")
			.host("totp")
			.path("/" + ISSUER + ":" + account.username())
			.queryParam("secret", encoded)
			.queryParam("issuer", ISSUER)
			.queryParam("digits", Totp.STANDARD.digits())
			.queryParam("period", Totp.STANDARD.periodSeconds())
			.encode()
			.build()
			.toUriString();
		return new Enrollment(encoded, uri);
	}

	/** Turns two-factor sign-in on when the code proves the app has the secret. */
	@Transactional
	List<String> confirm(UUID userId, String code) {
		TwoFactorStore.State state = state(userId);
		if (state.enabled()) {
			throw new ConflictException(ALREADY_ENABLED, "Two-factor sign-in is already on.");
		}
		if (!state.pending()) {
			throw new ConflictException(NOT_ENROLLED, "Start enrolment first: POST /users/me/two-factor.");
		}
		if (!totpMatches(userId, state, normalize(code))) {
			throw wrongCode();
		}
		this.store.enable(userId);
		return newRecoveryCodes(userId);
	}

	/** Turns two-factor sign-in off; needs a current code or a recovery code. */
	@Transactional
	void disable(UUID userId, String code) {
		requireEnabledAndCode(userId, code);
		this.store.disable(userId);
	}

	/** Replaces all recovery codes; needs a current code or a recovery code. */
	@Transactional
	List<String> regenerateRecoveryCodes(UUID userId, String code) {
		requireEnabledAndCode(userId, code);
		return newRecoveryCodes(userId);
	}

	/**
	 * Whether a code is a good second factor for the account right now: a TOTP code from
	 * a time step not used before, or an unused recovery code (which is then used up).
	 */
	@Transactional
	public boolean verify(UUID userId, String code) {
		TwoFactorStore.State state = this.store.find(userId).orElse(null);
		return state != null && state.enabled() && matches(userId, state, normalize(code));
	}

	private void requireEnabledAndCode(UUID userId, String code) {
		TwoFactorStore.State state = state(userId);
		if (!state.enabled()) {
			throw new ConflictException(NOT_ENABLED, "Two-factor sign-in is not on for your account.");
		}
		if (!matches(userId, state, normalize(code))) {
			throw wrongCode();
		}
	}

	private boolean matches(UUID userId, TwoFactorStore.State state, String code) {
		if (code.length() == Totp.STANDARD.digits() && code.chars().allMatch(Character::isDigit)) {
			return totpMatches(userId, state, code);
		}
		return !code.isEmpty() && this.store.useRecoveryCode(userId, hash(code));
	}

	private boolean totpMatches(UUID userId, TwoFactorStore.State state, String code) {
		if (state.ciphertext() == null || state.salt() == null) {
			return false;
		}
		byte[] secret = this.secrets.open(state.ciphertext(), state.salt());
		OptionalLong step = Totp.STANDARD.verify(secret, code, this.clock.instant());
		return step.isPresent() && this.store.useStep(userId, step.getAsLong());
	}

	private List<String> newRecoveryCodes(UUID userId) {
		List<String> codes = new ArrayList<>(RECOVERY_CODES);
		List<String> hashes = new ArrayList<>(RECOVERY_CODES);
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder(11);
			for (int c = 0; c < 10; c++) {
				if (c == 5) {
					code.append('-');
				}
				code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
			}
			codes.add(code.toString());
			hashes.add(hash(normalize(code.toString())));
		}
		this.store.replaceRecoveryCodes(userId, hashes);
		return codes;
	}

	private TwoFactorStore.State state(UUID userId) {
		return this.store.find(userId).orElseThrow(() -> new NotFoundException("Your account no longer exists."));
	}

	/** People copy codes with spaces and dashes, in either case. */
	static String normalize(String code) {
		return (code != null) ? code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT) : "";
	}

	private static InvalidRequestException wrongCode() {
		return new InvalidRequestException("code",
				"That code is not right. Use the current code from your authenticator app or an unused recovery code.");
	}

	static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What an authenticator app needs: the secret, also as a URI for a QR code. */
	record Enrollment(String secret, String otpauthUri) {
	}

}
