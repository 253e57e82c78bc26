package io.authorworks.platform.web.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which requests honour {@code Idempotency-Key}; off unless a deployable turns it on,
 * since it needs the key table in the deployable's database.
 *
 * @param enabled whether the filter runs
 * @param methods the HTTP methods it applies to
 * @param paths path patterns (as in {@code @RequestMapping}) it applies to
 * @param retention how long an answer is replayed
 */
@ConfigurationProperties("authorworks.web.idempotency")
public record IdempotencyProperties(boolean enabled, @DefaultValue("POST") Set<String> methods,
		@DefaultValue("/**") List<String> paths, @DefaultValue("24h") Duration retention) {
}
