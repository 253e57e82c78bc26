package io.authorworks.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.authorworks.launcher.deploy.Deployable;
import io.authorworks.launcher.deploy.Placeholders;

/**
 * The environment each deployable runs with, the production variables that
 * docs/configuration.md promises, and the placeholders ({@code ${url:…}},
 * {@code ${secret:…}}, …) the registry's templates use.
 */
final class DeployableEnvironment {

	private final PlatformSettings settings;

	private final PortAssignment ports;

	private final Credentials credentials;

	DeployableEnvironment(PlatformSettings settings, PortAssignment ports, Credentials credentials) {
		this.settings = settings;
		this.ports = ports;
		this.credentials = credentials;
	}

	/** The environment docs/configuration.md promises each deployable. */
	Map<String, String> of(Deployable deployable, int port, EngineEndpoints engines) {
		Map<String, String> env = new HashMap<>(System.getenv());
		// The launcher's own configuration must not leak into a deployable as its own.
		env.keySet()
			.removeIf((key) -> key.startsWith("DATABASE_") || key.startsWith("MAIL_") || key.startsWith("OIDC_")
					|| key.startsWith("SERVICE_CLIENT") || key.startsWith("AUTHORWORKS_")
					|| Set
						.of("SERVER_PORT", "REDIS_URL", "RABBITMQ_URL", "LOG_FORMAT", "GATEWAY_CLIENT_SECRET",
								"SIGNING_KEY_PASSWORD")
						.contains(key));
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("LOG_FORMAT", "json");
		// Fewer glibc malloc arenas: tens of MB less resident memory per JVM, whose
		// own allocations do not go through malloc's fast paths anyway.
		env.putIfAbsent("MALLOC_ARENA_MAX", "2");
		// Boot serves the readiness probe the launcher waits on only on Kubernetes
		// unless told to.
		env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
		env.put("OIDC_ISSUER", resolve(this.settings.registry().platform("public-url")));
		env.put("OIDC_JWKS_URI", resolve(this.settings.registry().platform("jwks-uri")));
		env.put("OIDC_TOKEN_URI", resolve(this.settings.registry().platform("token-uri")));
		env.put("REDIS_URL", engines.redisUrl());
		env.put("RABBITMQ_URL", engines.amqpUrl());
		if (this.settings.externalAmqpUrl() == null) {
			// The embedded Qpid broker refuses RabbitMQ's x-dead-letter-* queue
			// arguments; the
			// platform's own republish-then-ack path still moves failed messages to the
			// .dlq.
			env.put("AUTHORWORKS_EVENTS_BROKER_DEAD_LETTERING", "false");
		}
		env.put("SERVICE_CLIENT_ID", deployable.name());
		env.put("SERVICE_CLIENT_SECRET", this.credentials.clientSecret(deployable));
		if (deployable.hasDatabase()) {
			env.put("DATABASE_URL", engines.database().jdbcUrl());
			env.put("DATABASE_USERNAME", Credentials.databaseRole(engines.database(), deployable));
			env.put("DATABASE_PASSWORD", this.credentials.databasePassword(deployable));
			env.putAll(this.credentials.usersOf(engines.database(), deployable));
		}
		if (deployable.mail()) {
			env.put("MAIL_HOST", engines.mailHost());
			env.put("MAIL_PORT", String.valueOf(engines.mailPort()));
			Platform.MailSettings external = this.settings.externalMail();
			if (external != null) {
				putIfPresent(env, "MAIL_USERNAME", external.username());
				putIfPresent(env, "MAIL_PASSWORD", external.password());
				putIfPresent(env, "MAIL_FROM", external.from());
			}
		}
		deployable.env().forEach((key, value) -> env.put(key, resolve(value)));
		env.putAll(this.settings.environment());
		return env;
	}

	private static void putIfPresent(Map<String, String> env, String key, @Nullable String value) {
		if (value != null) {
			env.put(key, value);
		}
	}

	/** The template with every placeholder replaced. */
	String resolve(String template) {
		return Placeholders.resolve(template, this::lookup);
	}

	private String lookup(String key) {
		int colon = key.indexOf(':');
		String kind = (colon >= 0) ? key.substring(0, colon) : key;
		String argument = (colon >= 0) ? key.substring(colon + 1) : "";
		return switch (kind) {
			case "url" -> "http://localhost:" + this.ports.port(this.settings.registry().get(argument).name());
			case "urls" -> {
				Deployable target = this.settings.registry().get(argument);
				List<String> all = new ArrayList<>();
				for (int i = 0; i < this.ports.replicas(target); i++) {
					all.add("http://localhost:" + this.ports.replicaPort(target, i));
				}
				yield String.join(",", all);
			}
			case "port" -> String.valueOf(this.ports.port(this.settings.registry().get(argument).name()));
			case "secret" -> this.credentials.secret(argument);
			case "serviceClients" -> serviceClients();
			default -> throw new LauncherException("unknown placeholder ${" + key + "}");
		};
	}

	/**
	 * SERVICE_CLIENTS for the authorization server: {@code id:secret:scope scope…} for
	 * every declared deployable that has scopes, whether or not it runs now, so a
	 * deployable started later is already known.
	 */
	private String serviceClients() {
		return this.settings.registry()
			.deployables()
			.stream()
			.filter(Deployable::isServiceClient)
			.map((deployable) -> deployable.name() + ":" + this.credentials.clientSecret(deployable) + ":"
					+ String.join(" ", deployable.scopes()))
			.collect(Collectors.joining(","));
	}

}
