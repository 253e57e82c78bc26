package io.authorworks.platform.web.security;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Sign-ins that have ended before their access tokens expired: by sign-out, "sign out
 * everywhere", a password change or reset, a suspension, or a detected refresh-token
 * replay. The user-service records the ended sign-in ({@link AccessTokens#SESSION_CLAIM})
 * in Redis for as long as any of its access tokens may live; every resource server and
 * the gateway refuse tokens of an ended sign-in on their next request.
 *
 * <p>
 * When Redis cannot be reached the check lets tokens through (and says so in the log):
 * the refresh tokens are revoked in the user-service's database regardless, so an ended
 * sign-in still stops within one access-token lifetime, and an outage of Redis does not
 * sign everybody out.
 */
public class EndedSessions {

	static final String KEY_PREFIX = "authorworks:ended-session:";

	private static final Logger log = LoggerFactory.getLogger(EndedSessions.class);

	private final Supplier<@Nullable StringRedisTemplate> redis;

	public EndedSessions(Supplier<@Nullable StringRedisTemplate> redis) {
		this.redis = redis;
	}

	/** Records that a sign-in has ended, for as long as its access tokens may live. */
	public void end(String sessionId, Duration accessTokenLifetime) {
		StringRedisTemplate template = this.redis.get();
		if (template != null) {
			template.opsForValue().set(KEY_PREFIX + sessionId, "ended", accessTokenLifetime.plusMinutes(1));
		}
	}

	/** Whether a sign-in is known to have ended. */
	public boolean hasEnded(String sessionId) {
		StringRedisTemplate template = this.redis.get();
		if (template == null) {
			return false;
		}
		try {
			return Boolean.TRUE.equals(template.hasKey(KEY_PREFIX + sessionId));
		}
		catch (DataAccessException ex) {
			log.warn("Could not check whether sign-in {} has ended; letting its token through: {}", sessionId,
					ex.getMessage());
			return false;
		}
	}

}
