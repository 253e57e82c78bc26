package io.authorworks.gateway.bff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.authorworks.platform.web.security.EndedSessions;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Gives out a browser session's access token, renewing it once per session however many
 * requests need it at the same moment, on however many gateway replicas.
 *
 * <p>
 * The web app fires several API calls at once; when the access token has just expired,
 * each would otherwise redeem the same refresh token, and the user-service rightly takes
 * the second redemption for theft and revokes the family. Here, the first request to find
 * the token due takes a short lock in Redis for the session, renews, and stores the new
 * tokens where every replica reads them ({@link SessionTokens}). The others wait for the
 * new token and use it. A lock whose holder died expires, and the next request renews.
 *
 * <p>
 * It also ends a session whose sign-in ended elsewhere ("sign out everywhere", a password
 * change, a replay) on its next request ({@link EndedSessions}).
 */
final class SingleFlightRenewal implements OAuth2AuthorizedClientManager {

	private static final Logger log = LoggerFactory.getLogger(SingleFlightRenewal.class);

	private static final String LOCK_PREFIX = "authorworks:gateway:renewal:";

	private static final RedisScript<Long> UNLOCK = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	private static final Duration POLL = Duration.ofMillis(25);

	private final OAuth2AuthorizedClientManager delegate;

	private final SessionTokens tokens;

	private final StringRedisTemplate redis;

	private final EndedSessions endedSessions;

	private final Duration renewBefore;

	private final Duration lockTime;

	private final Clock clock;

	SingleFlightRenewal(OAuth2AuthorizedClientManager delegate, SessionTokens tokens, StringRedisTemplate redis,
			EndedSessions endedSessions, Duration renewBefore, Duration lockTime, Clock clock) {
		this.delegate = delegate;
		this.tokens = tokens;
		this.redis = redis;
		this.endedSessions = endedSessions;
		this.renewBefore = renewBefore;
		this.lockTime = lockTime;
		this.clock = clock;
	}

	@Override
	public @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
		HttpServletRequest servletRequest = servletRequest(request);
		String handle = (servletRequest != null) ? SessionTokens.handle(servletRequest) : null;
		String registrationId = request.getClientRegistrationId();
		if (handle == null) {
			return this.delegate.authorize(request);
		}
		SessionTokens.Stored stored = this.tokens.read(handle);
		OAuth2AuthorizedClient current = (stored != null) ? this.tokens.client(stored, registrationId) : null;
		if (stored == null || current == null) {
			return this.delegate.authorize(request);
		}
		if (stored.signIn() != null && this.endedSessions.hasEnded(stored.signIn())) {
			this.tokens.remove(handle);
			throw failure(registrationId, "The sign-in has ended.");
		}
		if (!due(current)) {
			return current;
		}
		return renew(request, handle, registrationId);
	}

	private OAuth2AuthorizedClient renew(OAuth2AuthorizeRequest request, String handle, String registrationId) {
		String lock = LOCK_PREFIX + handle;
		String owner = UUID.randomUUID().toString();
		Instant giveUp = this.clock.instant().plus(this.lockTime).plus(this.lockTime);
		while (true) {
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(lock, owner, this.lockTime))) {
				try {
					OAuth2AuthorizedClient latest = this.tokens.load(handle, registrationId);
					if (latest == null) {
						throw failure(registrationId, "The sign-in has ended.");
					}
					if (!due(latest)) {
						return latest;
					}
					OAuth2AuthorizedClient renewed = this.delegate
						.authorize(OAuth2AuthorizeRequest.withAuthorizedClient(latest)
							.principal(request.getPrincipal())
							.attributes((attributes) -> attributes.putAll(request.getAttributes()))
							.build());
					if (renewed == null) {
						throw failure(registrationId, "The tokens could not be renewed.");
					}
					return renewed;
				}
				finally {
					this.redis.execute(UNLOCK, List.of(lock), owner);
				}
			}
			sleep();
			OAuth2AuthorizedClient latest = this.tokens.load(handle, registrationId);
			if (latest == null) {
				throw failure(registrationId, "The sign-in has ended.");
			}
			if (!due(latest)) {
				return latest;
			}
			if (this.clock.instant().isAfter(giveUp)) {
				log.warn("Gave up waiting for another request to renew a session's tokens");
				throw failure(registrationId, "The tokens could not be renewed in time.");
			}
		}
	}

	private boolean due(OAuth2AuthorizedClient client) {
		OAuth2AccessToken token = client.getAccessToken();
		Instant expiresAt = token.getExpiresAt();
		return expiresAt != null && !this.clock.instant().plus(this.renewBefore).isBefore(expiresAt)
				&& client.getRefreshToken() != null;
	}

	private static ClientAuthorizationException failure(String registrationId, String description) {
		return new ClientAuthorizationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null),
				registrationId);
	}

	private static @Nullable HttpServletRequest servletRequest(OAuth2AuthorizeRequest request) {
		if (request.getAttribute(HttpServletRequest.class.getName()) instanceof HttpServletRequest servletRequest) {
			return servletRequest;
		}
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	private static void sleep() {
		try {
			Thread.sleep(POLL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
