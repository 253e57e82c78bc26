package io.authorworks.launcher.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

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

	/** A port the operating system says is free right now. */
	public static int findFree() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new LauncherException("could not find a free port: " + ex.getMessage(), ex);
		}
	}

}
