package io.authorworks.platform.web.idempotency;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where the {@link IdempotencyFilter} keeps keys and the answers they stand for; a seam
 * so the filter's rules can be checked without a database and a deployable can keep its
 * keys elsewhere.
 */
public interface IdempotencyStore {

	/**
	 * Forgets keys past their retention, then claims {@code key} for {@code caller};
	 * {@code false} when the caller already holds it (running or answered).
	 */
	boolean claim(String caller, String key, String method, String path, String requestHash);

	/** What is known about a claimed key, if it is still held. */
	Optional<Recorded> find(String caller, String key);

	/** Keeps the answer to replay it for retries. */
	void complete(String caller, String key, int status, Map<String, String> headers, byte[] body);

	/** Gives the key back, so a retry runs the request again. */
	void release(String caller, String key);

	/**
	 * A claimed key.
	 *
	 * @param requestHash what the first request was: method, path, content type and body
	 * @param status the answer's status, or {@code null} while the first request runs
	 * @param headers the replayed answer headers
	 * @param body the answer body
	 */
	record Recorded(String requestHash, @Nullable Integer status, Map<String, String> headers, byte @Nullable [] body) {

		public boolean running() {
			return this.status == null;
		}

	}

}
