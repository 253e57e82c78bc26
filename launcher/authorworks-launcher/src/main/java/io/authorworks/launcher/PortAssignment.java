package io.authorworks.launcher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.authorworks.launcher.deploy.Deployable;
import io.authorworks.launcher.engine.Ports;

/**
 * Which port each engine and each deployable replica listens on: pinned, the default plus
 * an offset, or a free one the operating system picks.
 */
final class PortAssignment {

	private static final Map<String, Integer> ENGINE_PORTS = Map.of(Platform.POSTGRES, 15432, Platform.REDIS, 16379,
			Platform.AMQP, 35672, Platform.SMTP, 2525, Platform.MAILBOX, 8025);

	private final PlatformSettings settings;

	private final Map<String, Integer> allocatedPorts = new ConcurrentHashMap<>();

	PortAssignment(PlatformSettings settings) {
		this.settings = settings;
	}

	/** The port of an engine or of a deployable's first replica. */
	int port(String key) {
		Integer explicit = this.settings.ports().get(key);
		if (explicit != null) {
			return explicit;
		}
		if (this.settings.freePorts()) {
			return allocate(key);
		}
		Integer engine = ENGINE_PORTS.get(key);
		int base = (engine != null) ? engine : this.settings.registry().get(key).port();
		return base + this.settings.portOffset();
	}

	/**
	 * A free port for the key, never one already given to another key. The operating
	 * system may hand out the same free port twice while neither is bound yet; two
	 * engines on one port made PostgreSQL's readiness check talk to the AMQP broker and
	 * wait forever.
	 */
	private synchronized int allocate(String key) {
		Integer known = this.allocatedPorts.get(key);
		if (known != null) {
			return known;
		}
		int port = Ports.findFree();
		while (this.allocatedPorts.containsValue(port)) {
			port = Ports.findFree();
		}
		this.allocatedPorts.put(key, port);
		return port;
	}

	/** Replica {@code index} listens on the first replica's port plus 100 per index. */
	int replicaPort(Deployable deployable, int index) {
		if (index == 0) {
			return port(deployable.name());
		}
		if (this.settings.freePorts() && !this.settings.ports().containsKey(deployable.name())) {
			return allocate(deployable.name() + "#" + index);
		}
		return port(deployable.name()) + Deployable.REPLICA_PORT_STEP * index;
	}

	/** How many replicas of the deployable run. */
	int replicas(Deployable deployable) {
		return this.settings.replicas().getOrDefault(deployable.name(), deployable.replicas());
	}

	/** Fails when a port one of these deployables' replicas needs is taken. */
	void requireFree(List<Deployable> runnable) {
		for (Deployable deployable : runnable) {
			for (int i = 0; i < replicas(deployable); i++) {
				Ports.requireFree(replicaPort(deployable, i), deployable.name());
			}
		}
	}

}
