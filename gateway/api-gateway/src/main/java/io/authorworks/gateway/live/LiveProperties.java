package io.authorworks.gateway.live;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the relayed live channels ({@code /api/<service>/live/**}).
 *
 * @param maxMessageSize the largest message either side may send; a larger one closes the
 * connection with {@code 1009}
 * @param idleTimeout a connection with no traffic either way for this long is closed
 * @param maxConnectionsPerSession live connections one browser session may hold open at
 * once (8 unless set); one more is closed at once with {@code 4429}
 * @param sessionCheckInterval how often the gateway checks that the sessions behind its
 * connections still exist (for sign-outs on other replicas and expiry)
 * @param connectTimeout how long to wait for the service to accept the relayed connection
 * @param sendTimeLimit how long a send to a slow peer may take before the connection is
 * closed
 * @param sendBufferLimit how much may wait for a slow peer before the connection is
 * closed
 */
@ConfigurationProperties("authorworks.gateway.live")
public record LiveProperties(DataSize maxMessageSize, Duration idleTimeout, int maxConnectionsPerSession,
		Duration sessionCheckInterval, Duration connectTimeout, Duration sendTimeLimit, DataSize sendBufferLimit) {

	public LiveProperties(@Nullable DataSize maxMessageSize, @Nullable Duration idleTimeout,
			int maxConnectionsPerSession, @Nullable Duration sessionCheckInterval, @Nullable Duration connectTimeout,
			@Nullable Duration sendTimeLimit, @Nullable DataSize sendBufferLimit) {
		this.maxMessageSize = Objects.requireNonNullElse(maxMessageSize, DataSize.ofKilobytes(64));
		this.idleTimeout = Objects.requireNonNullElse(idleTimeout, Duration.ofMinutes(5));
		this.maxConnectionsPerSession = (maxConnectionsPerSession > 0) ? maxConnectionsPerSession : 8;
		this.sessionCheckInterval = Objects.requireNonNullElse(sessionCheckInterval, Duration.ofSeconds(5));
		this.connectTimeout = Objects.requireNonNullElse(connectTimeout, Duration.ofSeconds(5));
		this.sendTimeLimit = Objects.requireNonNullElse(sendTimeLimit, Duration.ofSeconds(10));
		this.sendBufferLimit = Objects.requireNonNullElse(sendBufferLimit, DataSize.ofKilobytes(512));
	}

}
