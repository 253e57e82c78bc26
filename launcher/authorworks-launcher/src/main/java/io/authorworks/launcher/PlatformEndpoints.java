package io.authorworks.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.authorworks.launcher.engine.DatabaseEndpoint;

/**
 * Where everything a started platform runs can be reached.
 *
 * @param publicUrl the origin people and browsers use (the gateway), also the OIDC issuer
 * @param services base URLs of every running replica, by deployable name
 * @param skipped deployables that were declared but not started because their jar is
 * missing
 * @param database the platform database, with the credentials that administer it
 * @param redisUrl REDIS_URL as given to services
 * @param amqpUrl RABBITMQ_URL as given to services
 * @param mailHost SMTP host given to services
 * @param mailPort SMTP port given to services
 * @param mailbox the development mailbox page, or {@code null} with an external mail
 * server
 * @param dataDirectory where engine data, secrets and logs live
 * @param logDirectory where each deployable's log file is
 */
public record PlatformEndpoints(URI publicUrl, Map<String, List<URI>> services, List<String> skipped,
		DatabaseEndpoint database, String redisUrl, String amqpUrl, String mailHost, int mailPort,
		@Nullable URI mailbox, Path dataDirectory, Path logDirectory) {

	public PlatformEndpoints {
		services = Map.copyOf(services);
		skipped = List.copyOf(skipped);
	}

	/** The first replica of a running deployable. */
	public URI service(String name) {
		List<URI> urls = this.services.get(name);
		if (urls == null || urls.isEmpty()) {
			throw new IllegalArgumentException(name + " is not running; running: " + this.services.keySet());
		}
		return urls.getFirst();
	}

}
