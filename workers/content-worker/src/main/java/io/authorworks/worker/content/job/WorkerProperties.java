package io.authorworks.worker.content.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's settings ({@code authorworks.worker.*}).
 *
 * @param concurrency jobs run at once; also the queue prefetch
 * @param maxDeliveries deliveries of one job's message before it is failed and
 * dead-lettered
 * @param redeliveryBackoff how long to wait before handing back a message whose run broke
 * unexpectedly (a database outage, say), doubled per delivery
 * @param deltaInterval how often streamed text is flushed to the live events
 * @param streamTtl how long a finished job's live events stay readable
 * @param stepDelay a pause before each step; only for demonstrations and crash tests
 */
@ConfigurationProperties("authorworks.worker")
public record WorkerProperties(@DefaultValue("2") int concurrency, @DefaultValue("5") int maxDeliveries,
		@DefaultValue("1s") Duration redeliveryBackoff, @DefaultValue("100ms") Duration deltaInterval,
		@DefaultValue("24h") Duration streamTtl, @DefaultValue("0s") Duration stepDelay) {

	public WorkerProperties {
		if (concurrency < 1 || maxDeliveries < 1) {
			throw new IllegalArgumentException("authorworks.worker.concurrency and max-deliveries must be positive");
		}
	}

}
