package io.authorworks.launcher.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

import io.authorworks.launcher.LauncherException;

/**
 * A real redis-server (shipped inside the embedded-redis jar) with an append-only file in
 * the data directory, so sessions and rate-limit state survive a restart.
 */
public final class EmbeddedRedisEngine implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private EmbeddedRedisEngine(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	public static EmbeddedRedisEngine start(Path dataDirectory, int port) {
		Ports.requireFree(port, "Redis");
		try {
			Files.createDirectories(dataDirectory);
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("dir " + dataDirectory.toAbsolutePath())
				.setting("appendonly yes")
				.setting("appendfsync everysec")
				// Without this, a failed background save blocks every write.
				.setting("stop-writes-on-bgsave-error no")
				.build();
			// The library extracts redis-server and runs it at once; the other engines
			// start processes at the same time.
			TextFileBusy.retry(() -> {
				server.start();
				return server;
			});
			return new EmbeddedRedisEngine(server, port);
		}
		catch (IOException | RuntimeException ex) {
			throw new LauncherException("Redis did not start on port " + port + ": " + ex.getMessage(), ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** The URL services get in REDIS_URL. */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new LauncherException("Redis did not stop cleanly: " + ex.getMessage(), ex);
		}
	}

}
