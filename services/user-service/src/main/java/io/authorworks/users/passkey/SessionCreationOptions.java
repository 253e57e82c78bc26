package io.authorworks.users.passkey;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps a registration ceremony's options in the session between the options request and
 * the registration. Spring Security's own repository stores the options object itself,
 * which is not serializable (spring-security#16328), so the Redis-backed session that
 * every replica shares could not hold it; this stores what verifying the registration
 * reads (relying party, user, challenge, algorithms, user verification) and rebuilds the
 * options from that.
 */
final class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	static final String ATTRIBUTE = SessionCreationOptions.class.getName() + ".PENDING";

	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
			PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
			PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512);

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			@Nullable PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
		UserVerificationRequirement verification = (selection != null) ? selection.getUserVerification() : null;
		Pending pending = new Pending(options.getRp().getId(), options.getRp().getName(), options.getUser(),
				options.getChallenge(),
				options.getPubKeyCredParams()
					.stream()
					.mapToLong((parameters) -> parameters.getAlg().getValue())
					.toArray(),
				(verification != null) ? verification : UserVerificationRequirement.PREFERRED, options.getTimeout());
		request.getSession().setAttribute(ATTRIBUTE, pending);
	}

	@Override
	public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Pending pending)) {
			return null;
		}
		PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder options = PublicKeyCredentialCreationOptions
			.builder()
			.rp(PublicKeyCredentialRpEntity.builder().id(pending.rpId()).name(pending.rpName()).build())
			.user(pending.user())
			.challenge(pending.challenge())
			.pubKeyCredParams(Arrays.stream(pending.algorithms())
				.boxed()
				.flatMap((alg) -> ALGORITHMS.stream().filter((known) -> known.getAlg().getValue() == alg))
				.toList())
			.authenticatorSelection(
					AuthenticatorSelectionCriteria.builder().userVerification(pending.userVerification()).build());
		if (pending.timeout() != null) {
			options.timeout(pending.timeout());
		}
		return options.build();
	}

	/** The serializable part of a ceremony in progress. */
	record Pending(String rpId, String rpName, PublicKeyCredentialUserEntity user, Bytes challenge, long[] algorithms,
			UserVerificationRequirement userVerification, @Nullable Duration timeout) implements Serializable {

	}

}
