package io.authorworks.launcher.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTests {

	@Test
	void freePortsComeFromBelowTheRangeOutgoingConnectionsUse() throws Exception {
		int[] ephemeral = Ports.ephemeralRange();
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			int port = Ports.findFree();
			seen.add(port);
			if (ephemeral[0] - 10_000 > 1_000) {
				assertThat(port).isBetween(10_000, ephemeral[0] - 1);
			}
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			}
		}
		assertThat(seen).as("chosen at random, not one port again and again").hasSizeGreaterThan(1);
	}

	@Test
	void aPortSomethingListensOnIsNotFree() throws Exception {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			assertThat(Ports.isFree(socket.getLocalPort())).isFalse();
		}
	}

}
