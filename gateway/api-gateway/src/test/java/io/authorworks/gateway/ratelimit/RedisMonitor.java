package io.authorworks.gateway.ratelimit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the commands that clients send to one Redis database, as Redis itself sees them
 * ({@code MONITOR}): commands a script runs inside the server are told apart (Redis marks
 * them {@code lua}) and not counted.
 */
final class RedisMonitor implements AutoCloseable {

	// 1733612345.123456 [3 127.0.0.1:50000] "evalsha" "…" …
	private static final Pattern LINE = Pattern.compile("^\\+\\d+\\.\\d+ \\[(\\d+) ([^\\]]+)\\] \"([^\"]+)\".*");

	private final Socket socket;

	private final int database;

	private final Map<String, AtomicLong> commands = new ConcurrentHashMap<>();

	private final AtomicLong pings = new AtomicLong();

	private final Thread reader;

	RedisMonitor(URI redis, int database) throws IOException, InterruptedException {
		this.database = database;
		this.socket = new Socket(redis.getHost(), (redis.getPort() > 0) ? redis.getPort() : 6379);
		OutputStream out = this.socket.getOutputStream();
		out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		BufferedReader in = new BufferedReader(
				new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
		CountDownLatch started = new CountDownLatch(1);
		this.reader = Thread.ofPlatform().daemon().start(() -> read(in, started));
		if (!started.await(5, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Redis did not start monitoring");
		}
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
				String command = matcher.group(3).toLowerCase(java.util.Locale.ROOT);
				if (command.equals("echo")) {
					this.pings.incrementAndGet();
				}
				this.commands.computeIfAbsent(command, (key) -> new AtomicLong()).incrementAndGet();
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

	/**
	 * Waits until every command sent before this call has been seen: sends a marker
	 * through a client of its own and waits for it to come by.
	 */
	Map<String, Long> drain(Runnable marker) throws InterruptedException {
		long before = this.pings.get();
		marker.run();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.pings.get() == before && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		Map<String, Long> seen = new java.util.TreeMap<>();
		this.commands.forEach((command, count) -> {
			if (!command.equals("echo")) {
				seen.put(command, count.get());
			}
		});
		return seen;
	}

	void reset() {
		this.commands.clear();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
