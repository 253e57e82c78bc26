package io.authorworks.gateway.ratelimit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the commands that clients send to one Redis database, as Redis itself sees them
 * ({@code MONITOR}): commands a script runs inside the server are told apart (Redis marks
 * them {@code lua}) and not counted. Optionally only the commands that mention a text,
 * such as a key prefix.
 */
public final class RedisMonitor implements AutoCloseable {

	// 1733612345.123456 [3 127.0.0.1:50000] "evalsha" "…" …
	private static final Pattern LINE = Pattern.compile("^\\+\\d+\\.\\d+ \\[(\\d+) ([^\\]]+)\\] \"([^\"]+)\".*");

	private static final String MARKER = "redis-monitor-drain";

	private final URI redis;

	private final Socket socket;

	private final int database;

	private final String mention;

	private final Map<String, AtomicLong> commands = new ConcurrentHashMap<>();

	private final AtomicLong markers = new AtomicLong();

	RedisMonitor(URI redis, int database) throws IOException, InterruptedException {
		this(redis, database, "");
	}

	/** Counts only the commands whose text contains {@code mention}. */
	public RedisMonitor(URI redis, int database, String mention) throws IOException, InterruptedException {
		this.redis = redis;
		this.database = database;
		this.mention = mention;
		this.socket = connect();
		OutputStream out = this.socket.getOutputStream();
		out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		BufferedReader in = new BufferedReader(
				new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
		CountDownLatch started = new CountDownLatch(1);
		Thread.ofPlatform().daemon().start(() -> read(in, started));
		if (!started.await(5, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Redis did not start monitoring");
		}
	}

	private Socket connect() throws IOException {
		return new Socket(this.redis.getHost(), (this.redis.getPort() > 0) ? this.redis.getPort() : 6379);
	}

	private void read(BufferedReader in, CountDownLatch started) {
		try {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.equals("+OK")) {
					started.countDown();
					continue;
				}
				Matcher matcher = LINE.matcher(line);
				if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != this.database
						|| matcher.group(2).equals("lua")) {
					continue;
				}
				String command = matcher.group(3).toLowerCase(Locale.ROOT);
				if (command.equals("echo") && line.contains(MARKER)) {
					this.markers.incrementAndGet();
				}
				else if (!command.equals("select") && line.contains(this.mention)) {
					// (SELECT: the marker's own connection choosing the database.)
					this.commands.computeIfAbsent(command, (key) -> new AtomicLong()).incrementAndGet();
				}
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

	/**
	 * The commands counted since the start or the last {@link #reset()}, once every
	 * command sent before this call has come by: sends a marker through a connection of
	 * its own and waits for it.
	 */
	public Map<String, Long> drain() throws IOException, InterruptedException {
		long before = this.markers.get();
		try (Socket marker = connect()) {
			String db = Integer.toString(this.database);
			String commands = "*2\r\n$6\r\nSELECT\r\n$" + db.length() + "\r\n" + db + "\r\n*2\r\n$4\r\nECHO\r\n$"
					+ MARKER.length() + "\r\n" + MARKER + "\r\n";
			OutputStream out = marker.getOutputStream();
			out.write(commands.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(marker.getInputStream(), StandardCharsets.US_ASCII));
			in.readLine();
			in.readLine();
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.markers.get() == before && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		Map<String, Long> seen = new TreeMap<>();
		this.commands.forEach((command, count) -> seen.put(command, count.get()));
		return seen;
	}

	public void reset() {
		this.commands.clear();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
