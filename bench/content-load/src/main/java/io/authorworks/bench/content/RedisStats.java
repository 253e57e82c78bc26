package io.authorworks.bench.content;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many commands Redis ran, per command ({@code INFO commandstats}), read over a
 * connection of its own. The counts are the server's, for every client and database, and
 * include the commands a script runs inside Redis.
 */
final class RedisStats {

	private static final Pattern CALLS = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+),.*$", Pattern.MULTILINE);

	private RedisStats() {
	}

	/**
	 * Calls per command since Redis started; empty when Redis cannot be read (the report
	 * then says nothing about Redis rather than something wrong).
	 */
	static Map<String, Long> commandCalls(String redisUrl) {
		URI uri = URI.create(redisUrl);
		try (Socket socket = new Socket(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			String userInfo = uri.getRawUserInfo();
			if (userInfo != null && !userInfo.isEmpty()) {
				String[] parts = userInfo.split(":", 2);
				String password = URLDecoder.decode(parts[parts.length - 1], StandardCharsets.UTF_8);
				if (parts.length == 2 && !parts[0].isEmpty()) {
					send(out, "AUTH", URLDecoder.decode(parts[0], StandardCharsets.UTF_8), password);
				}
				else {
					send(out, "AUTH", password);
				}
				reply(in);
			}
			send(out, "INFO", "commandstats");
			String info = reply(in);
			Map<String, Long> calls = new TreeMap<>();
			Matcher matcher = CALLS.matcher(info.replace("\r", ""));
			while (matcher.find()) {
				calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
			}
			return calls;
		}
		catch (IOException | RuntimeException ex) {
			ContentLoad.say("Redis's command counts could not be read: " + ex.getMessage());
			return Map.of();
		}
	}

	/**
	 * The calls of each command between two readings, without the {@code INFO} and
	 * {@code AUTH} that took them.
	 */
	static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> delta = new TreeMap<>();
		if (before.isEmpty() || after.isEmpty()) {
			return delta;
		}
		after.forEach((command, calls) -> {
			long d = calls - before.getOrDefault(command, 0L);
			if (d > 0 && !command.equals("info") && !command.equals("auth")) {
				delta.put(command, d);
			}
		});
		return delta;
	}

	private static void send(OutputStream out, String... words) throws IOException {
		StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
		for (String word : words) {
			byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
			command.append('$').append(bytes.length).append("\r\n").append(word).append("\r\n");
		}
		out.write(command.toString().getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String reply(InputStream in) throws IOException {
		String line = line(in);
		return switch (line.charAt(0)) {
			case '+' -> line.substring(1);
			case '-' -> throw new IOException("Redis answered " + line.substring(1));
			case '$' -> {
				int length = Integer.parseInt(line.substring(1));
				byte[] body = in.readNBytes(length + 2);
				yield new String(body, 0, length, StandardCharsets.UTF_8);
			}
			default -> throw new IOException("unexpected reply " + line);
		};
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		if (line.isEmpty()) {
			throw new IOException("Redis closed the connection");
		}
		return line.toString();
	}

}
