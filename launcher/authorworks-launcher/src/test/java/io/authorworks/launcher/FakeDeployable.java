package io.authorworks.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Spring Boot deployable in launcher tests: it answers the readiness
 * probe, shows the environment it was given, and can be told to die. It uses only the
 * JDK, so a one-class jar runs it.
 */
public final class FakeDeployable {

	private FakeDeployable() {
	}

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(System.getenv("SERVER_PORT"));
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
		server.createContext("/actuator/health/readiness", (exchange) -> respond(exchange, "{\"status\":\"UP\"}"));
		server.createContext("/env", (exchange) -> {
			StringBuilder body = new StringBuilder();
			new TreeMap<>(System.getenv())
				.forEach((key, value) -> body.append(key).append('=').append(value).append('\n'));
			respond(exchange, body.toString());
		});
		server.createContext("/exit", (exchange) -> {
			respond(exchange, "bye");
			System.exit(3);
		});
		server.start();
		System.out.println("fake deployable listening on " + port);
	}

	private static void respond(HttpExchange exchange, String text) throws IOException {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	static Map<String, String> parseEnv(String body) {
		Map<String, String> env = new TreeMap<>();
		body.lines().forEach((line) -> {
			int equals = line.indexOf('=');
			if (equals > 0) {
				env.put(line.substring(0, equals), line.substring(equals + 1));
			}
		});
		return env;
	}

}
