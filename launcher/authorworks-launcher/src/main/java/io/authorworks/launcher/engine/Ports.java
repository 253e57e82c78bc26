package io.authorworks.launcher.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import io.authorworks.launcher.LauncherException;

/**
 * Checks and finds loopback TCP ports, so that a second launcher fails with a clear
 * message instead of an engine half-starting on a taken port.
 */
public final class Ports {

	private Ports() {
	}

	/**
	 * Fails with a message naming the port and what it was meant for when anything
	 * listens on it or it cannot be bound on the loopback address.
	 */
	public static void requireFree(int port, String purpose) {
		if (!isFree(port)) {
			throw new LauncherException("port " + port + " (" + purpose
					+ ") is in use — is another AuthorWorks running? Stop it, or choose other ports.");
		}
	}

	/**
	 * Whether nothing listens on the port and it can be bound on 127.0.0.1. Connecting
	 * first catches servers bound to another loopback address or to the wildcard.
	 */
	public static boolean isFree(int port) {
		for (String host : new String[] { "127.0.0.1", "::1" }) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(host, port), 200);
				return false;
			}
			catch (IOException ex) {
				// Nobody answered on this address: keep checking.
			}
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A port that is free right now, taken below the operating system's ephemeral range
	 * where it can: a port the system hands out for binding to port 0 comes from that
	 * range, which is also where every outgoing connection gets its local port, so one of
	 * the launcher's own readiness probes could take it before the engine binds it (seen
	 * once: the mail server's port taken between the choice and the bind).
	 */
	public static int findFree() {
		int[] range = ephemeralRange();
		int low = 10_000;
		int high = range[0] - 1;
		if (high - low >= 1_000) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			for (int attempt = 0; attempt < 50; attempt++) {
				int port = random.nextInt(low, high + 1);
				if (isFree(port)) {
					return port;
				}
			}
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new LauncherException("could not find a free port: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The local port range for outgoing connections: Linux says it in
	 * {@code /proc/sys/net/ipv4/ip_local_port_range}; elsewhere the IANA range.
	 */
	static int[] ephemeralRange() {
		try {
			String[] bounds = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
			return new int[] { Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]) };
		}
		catch (IOException | RuntimeException ex) {
			return new int[] { 49_152, 65_535 };
		}
	}

}
