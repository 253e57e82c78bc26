package io.authorworks.launcher.engine;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Container;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHostNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.authorworks.launcher.LauncherException;

/**
 * An AMQP 0-9-1 broker (Apache Qpid Broker-J) in this JVM, with a Derby message store in
 * the data directory so durable queues and persistent messages survive a restart.
 *
 * <p>
 * The virtual host is called {@code default}, so services connect with
 * {@code amqp://guest:guest@127.0.0.1:<port>/default}; a URL without a virtual host
 * reaches it too, through the port's default alias.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

	/** The one virtual host. */
	public static final String VIRTUAL_HOST = "default";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedAmqpBroker.class);

	private final SystemLauncher launcher;

	private final int port;

	private final boolean stopsOnlyWhenClosed;

	private EmbeddedAmqpBroker(SystemLauncher launcher, int port, boolean stopsOnlyWhenClosed) {
		this.launcher = launcher;
		this.port = port;
		this.stopsOnlyWhenClosed = stopsOnlyWhenClosed;
	}

	public static EmbeddedAmqpBroker start(Path dataDirectory, int port) {
		Ports.requireFree(port, "AMQP");
		Path work = dataDirectory.toAbsolutePath();
		AtomicReference<@Nullable SystemConfig<?>> system = new AtomicReference<>();
		AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
		SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
			@Override
			public void onContainerResolve(SystemConfig<?> config) {
				system.set(config);
			}

			@Override
			public void errorOnStartup(RuntimeException ex) {
				// Qpid reports start-up failures here instead of throwing them.
				failure.set(ex);
			}
		});
		try {
			Files.createDirectories(work);
			// Derby writes derby.log into the working directory unless told otherwise.
			System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
			Path config = work.resolve("broker.json");
			Files.writeString(config, brokerConfig(work), StandardCharsets.UTF_8);
			// Qpid looks for default system properties at a classpath: URL, a scheme
			// only its own main registers: hand it a real (empty) file instead.
			Path systemProperties = work.resolve("system.properties");
			Files.writeString(systemProperties, "# Qpid system properties (none needed)\n", StandardCharsets.UTF_8);
			Map<String, Object> attributes = new HashMap<>();
			attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toUri().toString());
			// The broker's own configuration is rebuilt from broker.json on every start;
			// only the virtual host node (queues, exchanges, messages) is persistent.
			attributes.put(SystemConfig.TYPE, "Memory");
			attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toUri().toString());
			attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
			attributes.put(SystemConfig.CONTEXT, Map.of("qpid.amqp_port", String.valueOf(port), "qpid.work_dir",
					work.toString(), "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}"));
			launcher.startup(attributes);
			RuntimeException error = failure.get();
			if (error != null) {
				throw error;
			}
			EmbeddedAmqpBroker broker = new EmbeddedAmqpBroker(launcher, port, removeBrokerShutdownHook(system.get()));
			broker.verify(system.get());
			if (!broker.stopsOnlyWhenClosed) {
				log.warn("the AMQP broker will stop as soon as this JVM is told to, before the services have "
						+ "stopped sending (Qpid's shutdown hook was not found)");
			}
			return broker;
		}
		catch (Exception ex) {
			launcher.shutdown();
			if (ex instanceof LauncherException launcherException) {
				throw launcherException;
			}
			throw new LauncherException("the AMQP broker did not start on port " + port + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Qpid reports itself ready even when a port could not be bound or a store could not
	 * be opened; those objects are merely left in ERRORED state, so look at them.
	 */
	private void verify(@Nullable SystemConfig<?> system) {
		if (system == null) {
			throw new LauncherException("the AMQP broker started without a configuration");
		}
		Container<?> broker = system.getContainer();
		for (Port<?> amqpPort : broker.getChildren(Port.class)) {
			if (amqpPort.getState() != State.ACTIVE) {
				throw new LauncherException("the AMQP broker could not listen on port " + this.port + " (state "
						+ amqpPort.getState() + ") — is another AuthorWorks running?");
			}
		}
		for (VirtualHostNode<?> node : broker.getChildren(VirtualHostNode.class)) {
			if (node.getState() != State.ACTIVE) {
				throw new LauncherException("the AMQP message store in " + node.getAttribute("storePath")
						+ " did not open (state " + node.getState() + ")");
			}
		}
	}

	/**
	 * Qpid's broker adds a JVM shutdown hook that would close it while services are still
	 * shutting down and flushing their messages; Platform closes it after them instead.
	 * The hook is a private field of {@code BrokerImpl}, and the broker is an instance of
	 * a subclass of it, so the field is looked for up the class hierarchy.
	 * @return whether the hook was found and removed
	 */
	private static boolean removeBrokerShutdownHook(@Nullable SystemConfig<?> system) {
		if (system == null) {
			return false;
		}
		Object broker = system.getContainer();
		for (Class<?> type = broker.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField("_shutdownHook");
				field.setAccessible(true);
				return (field.get(broker) instanceof Thread hook) && Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (NoSuchFieldException ex) {
				// Declared further up, if at all.
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return false;
			}
		}
		return false;
	}

	/**
	 * Whether the broker stops only when {@link #close()} is called, not as soon as the
	 * JVM begins to exit (when Qpid's own shutdown hook could be removed).
	 * @return whether only {@link #close()} stops the broker
	 */
	boolean stopsOnlyWhenClosed() {
		return this.stopsOnlyWhenClosed;
	}

	private static String brokerConfig(Path work) {
		String storePath = jsonString(work.resolve("store").toString());
		String hostConfig = jsonString("{\"type\": \"ProvidedStore\"}");
		return """
				{
				  "name": "authorworks",
				  "modelVersion": "9.1",
				  "authenticationproviders": [ {
				    "name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
				    "users": [ { "name": "guest", "type": "managed", "password": "guest" } ]
				  } ],
				  "ports": [ {
				    "name": "AMQP", "port": "${qpid.amqp_port}", "bindingAddress": "127.0.0.1",
				    "authenticationProvider": "plain", "protocols": [ "AMQP_0_9_1", "AMQP_0_9", "AMQP_0_8" ],
				    "virtualhostaliases": [
				      { "name": "nameAlias", "type": "nameAlias" },
				      { "name": "defaultAlias", "type": "defaultAlias" }
				    ]
				  } ],
				  "virtualhostnodes": [ {
				    "name": "%s", "type": "DERBY", "defaultVirtualHostNode": "true",
				    "storePath": %s,
				    "virtualHostInitialConfiguration": %s
				  } ]
				}
				""".formatted(VIRTUAL_HOST, storePath, hostConfig);
	}

	private static String jsonString(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	public int port() {
		return this.port;
	}

	/** The URL services get in RABBITMQ_URL. */
	public String url() {
		return "amqp://guest:guest@127.0.0.1:" + this.port + "/" + VIRTUAL_HOST;
	}

	@Override
	public void close() {
		try {
			this.launcher.shutdown();
		}
		catch (IllegalStateException ex) {
			// Qpid's own shutdown hook got there first: the broker is down anyway.
		}
	}

}
