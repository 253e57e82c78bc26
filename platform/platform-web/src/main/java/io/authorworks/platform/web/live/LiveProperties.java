package io.authorworks.platform.web.live;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of a service's live channels.
 *
 * @param maxMessageSize the largest message a connection may send or receive; a larger
 * one closes the connection with {@code 1009} (message too big)
 * @param idleTimeout a connection with no traffic for this long is closed
 */
@ConfigurationProperties("authorworks.web.live")
public record LiveProperties(DataSize maxMessageSize, Duration idleTimeout) {

	public LiveProperties(@Nullable DataSize maxMessageSize, @Nullable Duration idleTimeout) {
		this.maxMessageSize = Objects.requireNonNullElse(maxMessageSize, DataSize.ofKilobytes(64));
		this.idleTimeout = Objects.requireNonNullElse(idleTimeout, Duration.ofMinutes(5));
	}

}
