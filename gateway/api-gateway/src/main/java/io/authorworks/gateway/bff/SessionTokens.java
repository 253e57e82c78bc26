package io.authorworks.gateway.bff;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.authorworks.platform.web.security.AccessTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * Keeps each browser session's tokens in Redis, apart from the session itself. The
 * session holds only a random handle. Every gateway replica reads and writes the tokens
 * of a session directly, at once: a renewal made by one request is seen by the requests
 * running beside it on any replica ({@link SingleFlightRenewal}), and no request writes
 * back a stale copy when it ends, as a copy kept in the session would.
 */
final class SessionTokens implements OAuth2AuthorizedClientRepository {

	static final String HANDLE_ATTRIBUTE = SessionTokens.class.getName() + ".handle";

	private static final String KEY_PREFIX = "authorworks:gateway:tokens:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StringRedisTemplate redis;

	private final ClientRegistrationRepository registrations;

	private final Duration lifetime;

	SessionTokens(StringRedisTemplate redis, ClientRegistrationRepository registrations, Duration lifetime) {
		this.redis = redis;
		this.registrations = registrations;
		this.lifetime = lifetime;
	}

	/** The handle of the session's tokens, or {@code null} when it has none. */
	static @Nullable String handle(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		try {
			return (session.getAttribute(HANDLE_ATTRIBUTE) instanceof String handle) ? handle : null;
		}
		catch (IllegalStateException invalidated) {
			return null;
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
			@Nullable Authentication principal, HttpServletRequest request) {
		String handle = handle(request);
		return (handle != null) ? (T) load(handle, clientRegistrationId) : null;
	}

	@Nullable OAuth2AuthorizedClient load(String handle, String clientRegistrationId) {
		Stored stored = read(handle);
		return (stored != null) ? client(stored, clientRegistrationId) : null;
	}

	/** The session's tokens as stored, with the sign-in they belong to. */
	@Nullable Stored read(String handle) {
		String json = this.redis.opsForValue().get(KEY_PREFIX + handle);
		if (json == null) {
			return null;
		}
		try {
			return JSON.readValue(json, Stored.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The authorized client of stored tokens, when they are of this registration. */
	@Nullable OAuth2AuthorizedClient client(Stored stored, String clientRegistrationId) {
		if (!stored.registrationId().equals(clientRegistrationId)) {
			return null;
		}
		ClientRegistration registration = this.registrations.findByRegistrationId(clientRegistrationId);
		if (registration == null) {
			return null;
		}
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, stored.accessToken(),
				stored.issuedAt(), stored.expiresAt(), stored.scopes());
		OAuth2RefreshToken refresh = (stored.refreshToken() != null)
				? new OAuth2RefreshToken(stored.refreshToken(), stored.issuedAt()) : null;
		return new OAuth2AuthorizedClient(registration, stored.principalName(), access, refresh);
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient client, @Nullable Authentication principal,
			HttpServletRequest request, @Nullable HttpServletResponse response) {
		HttpSession session = request.getSession();
		String handle = (session.getAttribute(HANDLE_ATTRIBUTE) instanceof String existing) ? existing : newHandle();
		save(handle, client);
		if (!handle.equals(session.getAttribute(HANDLE_ATTRIBUTE))) {
			session.setAttribute(HANDLE_ATTRIBUTE, handle);
		}
	}

	void save(String handle, OAuth2AuthorizedClient client) {
		OAuth2AccessToken access = client.getAccessToken();
		OAuth2RefreshToken refresh = client.getRefreshToken();
		Stored stored = new Stored(client.getClientRegistration().getRegistrationId(), client.getPrincipalName(),
				access.getTokenValue(), access.getIssuedAt(), access.getExpiresAt(), access.getScopes(),
				(refresh != null) ? refresh.getTokenValue() : null,
				AccessTokens.unverifiedSignIn(access.getTokenValue()));
		this.redis.opsForValue().set(KEY_PREFIX + handle, JSON.writeValueAsString(stored), this.lifetime);
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, @Nullable Authentication principal,
			HttpServletRequest request, @Nullable HttpServletResponse response) {
		String handle = handle(request);
		if (handle != null) {
			remove(handle);
		}
	}

	void remove(String handle) {
		this.redis.delete(KEY_PREFIX + handle);
	}

	private static String newHandle() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	record Stored(String registrationId, String principalName, String accessToken, @Nullable Instant issuedAt,
			@Nullable Instant expiresAt, Set<String> scopes, @Nullable String refreshToken, @Nullable String signIn) {
	}

}
