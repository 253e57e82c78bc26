package io.authorworks.worker.content.job;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.authorworks.lib.storyai.CancellationToken;

import org.springframework.stereotype.Component;

/**
 * The cancellation tokens of the jobs this worker runs now; a cancel request that arrives
 * over Redis pub/sub aborts the job's in-flight provider call through its token.
 */
@Component
class Cancellations {

	private final Map<UUID, CancellationToken> running = new ConcurrentHashMap<>();

	CancellationToken register(UUID jobId) {
		CancellationToken token = CancellationToken.create();
		this.running.put(jobId, token);
		return token;
	}

	void unregister(UUID jobId) {
		this.running.remove(jobId);
	}

	/** Cancels the job if it runs here; answers whether it did. */
	boolean cancel(UUID jobId) {
		CancellationToken token = this.running.get(jobId);
		if (token != null) {
			token.cancel();
			return true;
		}
		return false;
	}

}
