package io.authorworks.bench.content;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import io.authorworks.bench.content.Writers.ChapterRef;
import io.authorworks.bench.content.Writers.Snapshot;

/**
 * One load phase: {@code connections} workers, each with one request in flight, reading
 * chapters ({@code GET .../chapters/{cid}}) and autosaving them ({@code PUT
 * .../chapters/{cid}/content} with {@code If-Match}).
 *
 * <p>
 * <b>Closed loop</b>: each worker sends its next request as soon as the last one is
 * answered, which finds the most the system serves with that many connections; latency is
 * the service time. <b>Fixed rate</b>: each worker has a schedule (the phase's rate
 * spread evenly over the workers) and latency is measured from when the request
 * <em>should</em> have been sent, so a stall that delays later requests counts against
 * them too (no coordinated omission).
 *
 * <p>
 * A 412 on an autosave (someone saved in between) is counted; the worker then reads the
 * chapter again for its new ETag and text, as an editor would, and that re-read is
 * counted apart from the measured reads. That re-read carries {@code If-None-Match} with
 * the ETag the worker knows (when it knows one), so a service that answers {@code 304}
 * when another worker already fetched the new version is counted as such.
 *
 * <p>
 * The {@code one-identity} phase reads only: every connection reads the chapters of one
 * writer with that writer's token from that writer's address, as one person's burst (or
 * every reader behind one address) does. Through the gateway, each phase also counts the
 * commands Redis ran in its measured window ({@code INFO commandstats}).
 */
final class LoadPhase {

	/**
	 * Latencies are recorded in microseconds, up to a minute, to 3 significant digits.
	 */
	private static final long HIGHEST_MICROS = 60_000_000L;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private final Options.Phase phase;

	private final String base;

	private final List<ChapterRef> chapters;

	private final Options options;

	private final double rate;

	private final Map<String, Long> processes;

	private final Duration warmup;

	private final Duration duration;

	private final int readPercent;

	LoadPhase(Options.Phase phase, String base, List<ChapterRef> chapters, Options options, double rate,
			Map<String, Long> processes) {
		this(phase, base, chapters, options, rate, processes, options.warmup(), options.duration());
	}

	LoadPhase(Options.Phase phase, String base, List<ChapterRef> chapters, Options options, double rate,
			Map<String, Long> processes, Duration warmup, Duration duration) {
		this.processes = processes;
		this.warmup = warmup;
		this.duration = duration;
		this.phase = phase;
		this.base = base;
		this.chapters = List.copyOf(chapters);
		this.options = options;
		this.rate = rate;
		this.readPercent = (phase == Options.Phase.ONE_IDENTITY) ? 100 : options.readPercent();
	}

	/** What a phase measured. */
	record Result(Options.Phase phase, double scheduledRate, Duration measured, Histogram reads, Histogram writes,
			Histogram readService, Histogram writeService, long conflicts, long rereads, long bytesRead, long unsent,
			Map<String, Long> outcomes, Map<String, Long> cpuMillis, Map<String, Long> redisCalls, String loadBefore,
			String loadAfter) {

		/** All requests answered in the window: reads, writes and re-reads after 412. */
		long requests() {
			return this.reads.getTotalCount() + this.writes.getTotalCount() + this.rereads;
		}

		/** CPU time a process spent per request in the window, in microseconds. */
		double cpuMicrosPerRequest(String process) {
			Long millis = this.cpuMillis.get(process);
			return (millis == null || requests() == 0) ? Double.NaN : millis * 1000.0 / requests();
		}

		double readsPerSecond() {
			return this.reads.getTotalCount() / seconds();
		}

		double writesPerSecond() {
			return this.writes.getTotalCount() / seconds();
		}

		double seconds() {
			return this.measured.toNanos() / 1e9;
		}

		/**
		 * Commands Redis ran per request answered in the window, all of them (including
		 * those a script runs inside Redis); NaN when not counted.
		 */
		double redisCommandsPerRequest() {
			return redisPerRequest(this.redisCalls.values().stream().mapToLong(Long::longValue).sum());
		}

		/** Scripts ({@code EVAL}, {@code EVALSHA}) Redis ran per request. */
		double redisScriptsPerRequest() {
			return redisPerRequest(
					this.redisCalls.getOrDefault("eval", 0L) + this.redisCalls.getOrDefault("evalsha", 0L));
		}

		private double redisPerRequest(long calls) {
			return (this.redisCalls.isEmpty() || requests() == 0) ? Double.NaN : (double) calls / requests();
		}

		/** Re-reads after a 412 answered {@code 304 Not Modified}. */
		long notModified() {
			return this.outcomes.getOrDefault("GET re-read 304", 0L);
		}

		long errors() {
			return this.outcomes.entrySet()
				.stream()
				.filter((e) -> !e.getKey().endsWith(" 200") && !e.getKey().endsWith(" 412")
						&& !e.getKey().equals("GET re-read 304"))
				.mapToLong(Map.Entry::getValue)
				.sum();
		}

	}

	Result run() throws InterruptedException {
		int workers = this.options.connections();
		// One pooled client, a connection per worker: no cookies, redirects, retries or
		// decompression, so every request the workers count is one the server answered.
		CloseableHttpClient http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(workers)
				.setMaxConnPerRoute(workers)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(5))
					.setSocketTimeout(Timeout.of(REQUEST_TIMEOUT))
					.build())
				.build())
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableContentCompression()
			.disableRedirectHandling()
			.build();
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
		long measureFrom = start + this.warmup.toNanos();
		long end = measureFrom + this.duration.toNanos();
		String loadBefore = Machine.loadAverage();
		Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
		List<Worker> all = new ArrayList<>();
		Map<String, Long> cpu = new TreeMap<>();
		Map<String, Long> redis = new TreeMap<>();
		// Redis is counted for measured phases through the platform's gateway (the
		// warm-up has no processes to watch).
		boolean countRedis = this.phase.to == Options.Target.GATEWAY && !this.processes.isEmpty();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				Worker worker = new Worker(w, http, start, measureFrom, end, outcomes);
				all.add(worker);
				running.add(pool.submit(worker));
			}
			// CPU time of each process over exactly the measured window.
			parkUntilTime(measureFrom);
			Map<String, Long> cpuFrom = Machine.cpuMillis(this.processes);
			Map<String, Long> redisFrom = countRedis ? RedisStats.commandCalls(this.options.redisUrl()) : Map.of();
			parkUntilTime(end);
			Map<String, Long> cpuTo = Machine.cpuMillis(this.processes);
			if (countRedis) {
				redis.putAll(RedisStats.between(redisFrom, RedisStats.commandCalls(this.options.redisUrl())));
			}
			cpuTo.forEach((name, millis) -> {
				Long from = cpuFrom.get(name);
				if (from != null) {
					cpu.put(name, millis - from);
				}
			});
			long deadline = end + REQUEST_TIMEOUT.toNanos() * 3;
			for (Future<?> future : running) {
				try {
					future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw new IllegalStateException("a load worker failed", ex.getCause());
				}
				catch (java.util.concurrent.TimeoutException ex) {
					future.cancel(true);
				}
			}
		}
		finally {
			try {
				http.close();
			}
			catch (IOException ex) {
				// The phase's figures are taken; a connection that fails to close
				// changes none of them.
			}
		}
		Histogram reads = histogram();
		Histogram writes = histogram();
		Histogram readService = histogram();
		Histogram writeService = histogram();
		long conflicts = 0;
		long rereads = 0;
		long bytes = 0;
		long unsent = 0;
		for (Worker worker : all) {
			unsent += worker.unsent;
			reads.add(worker.reads);
			writes.add(worker.writes);
			readService.add(worker.readService);
			writeService.add(worker.writeService);
			conflicts += worker.conflicts;
			rereads += worker.rereads;
			bytes += worker.bytesRead;
		}
		Map<String, Long> counted = new TreeMap<>();
		outcomes.forEach((key, adder) -> counted.put(key, adder.sum()));
		return new Result(this.phase, this.phase.fixedRate ? this.rate : 0, this.duration, reads, writes, readService,
				writeService, conflicts, rereads, bytes, unsent, counted, cpu, redis, loadBefore,
				Machine.loadAverage());
	}

	private static void parkUntilTime(long nanoTime) {
		long wait;
		while ((wait = nanoTime - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	private static Histogram histogram() {
		return new Histogram(HIGHEST_MICROS, 3);
	}

	private final class Worker implements Runnable {

		final Histogram reads = histogram();

		final Histogram writes = histogram();

		final Histogram readService = histogram();

		final Histogram writeService = histogram();

		long conflicts;

		long rereads;

		long bytesRead;

		long unsent;

		private final int index;

		private final CloseableHttpClient http;

		private final long start;

		private final long measureFrom;

		private final long end;

		private final Map<String, LongAdder> outcomes;

		private final SplittableRandom random;

		private final Prose prose;

		Worker(int index, CloseableHttpClient http, long start, long measureFrom, long end,
				Map<String, LongAdder> outcomes) {
			this.index = index;
			this.http = http;
			this.start = start;
			this.measureFrom = measureFrom;
			this.end = end;
			this.outcomes = outcomes;
			this.random = new SplittableRandom(LoadPhase.this.options.seed() * 7919 + index);
			this.prose = new Prose(LoadPhase.this.options.seed() * 104_729 + index);
		}

		@Override
		public void run() {
			boolean fixed = LoadPhase.this.phase.fixedRate;
			int workers = LoadPhase.this.options.connections();
			// Fixed rate: this worker's share of the schedule, offset so the workers'
			// requests interleave evenly instead of arriving in bursts of 64.
			long period = fixed ? (long) (workers * 1e9 / LoadPhase.this.rate) : 0;
			long intended = this.start + (fixed ? this.index * period / workers : 0);
			parkUntil(this.start);
			while (!Thread.currentThread().isInterrupted()) {
				if (fixed) {
					if (intended >= this.end) {
						return;
					}
					if (System.nanoTime() >= this.end) {
						// Behind schedule at the end: what was never sent is counted, not
						// hidden.
						long from = intended;
						if (from < this.measureFrom) {
							from += (this.measureFrom - from + period - 1) / period * period;
						}
						if (from < this.end) {
							this.unsent += (this.end - from + period - 1) / period;
						}
						return;
					}
					if (intended < this.measureFrom && System.nanoTime() >= this.measureFrom) {
						// A backlog left from the warm-up is not carried into the
						// measured
						// window: the schedule starts afresh there.
						intended = this.measureFrom + this.index * period / workers;
					}
					parkUntil(intended);
				}
				long sent = System.nanoTime();
				if (!fixed) {
					if (sent >= this.end) {
						return;
					}
					intended = sent;
				}
				boolean measured = intended >= this.measureFrom;
				ChapterRef chapter = LoadPhase.this.chapters.get(this.random.nextInt(LoadPhase.this.chapters.size()));
				boolean read = this.random.nextInt(100) < LoadPhase.this.readPercent;
				if (read) {
					int status = read(chapter, measured, false);
					long done = System.nanoTime();
					if (measured && status == 200) {
						record(this.reads, done - intended);
						record(this.readService, done - sent);
					}
				}
				else {
					int status = write(chapter, measured);
					long done = System.nanoTime();
					if (measured && (status == 200 || status == 412)) {
						record(this.writes, done - intended);
						record(this.writeService, done - sent);
					}
					if (status == 412) {
						// An editor whose save was refused fetches the new version first,
						// unless it already has it.
						int reread = read(chapter, false, true);
						count(measured, "GET re-read", (reread > 0) ? reread : "failed");
						if (measured) {
							this.conflicts++;
							this.rereads++;
						}
					}
				}
				if (fixed) {
					intended += period;
				}
			}
		}

		private int read(ChapterRef chapter, boolean measured, boolean conditional) {
			HttpGet request = request(new HttpGet(LoadPhase.this.base + chapter.path()), chapter);
			String known = chapter.seen().get().etag();
			if (conditional && known != null && !known.isEmpty()) {
				request.setHeader("If-None-Match", known);
			}
			try {
				return this.http.execute(request, (response) -> {
					int status = response.getCode();
					byte[] body = (response.getEntity() != null) ? EntityUtils.toByteArray(response.getEntity())
							: new byte[0];
					count(measured, "GET", status);
					if (status == 200) {
						if (measured) {
							this.bytesRead += body.length;
						}
						Header etag = response.getFirstHeader("ETag");
						Snapshot seen = chapter.seen().get();
						if (etag != null && !etag.getValue().equals(seen.etag())) {
							String content = Writers.JSON.readTree(body).get("content").asString();
							chapter.seen().compareAndSet(seen, new Snapshot(etag.getValue(), content));
						}
					}
					return status;
				});
			}
			catch (SocketTimeoutException ex) {
				count(measured, "GET", "timeout");
				return -1;
			}
			catch (Exception ex) {
				if (Thread.currentThread().isInterrupted()) {
					return -1;
				}
				count(measured, "GET", ex.getClass().getSimpleName());
				return -1;
			}
		}

		private int write(ChapterRef chapter, boolean measured) {
			Snapshot seen = chapter.seen().get();
			String edited = this.prose.edit(seen.content(), LoadPhase.this.options.editChars());
			HttpPut request = request(new HttpPut(LoadPhase.this.base + chapter.path() + "/content"), chapter);
			request.setHeader("If-Match", seen.etag());
			request.setEntity(new StringEntity(Writers.JSON.writeValueAsString(Map.of("content", edited)),
					ContentType.APPLICATION_JSON));
			try {
				return this.http.execute(request, (response) -> {
					int status = response.getCode();
					EntityUtils.consume(response.getEntity());
					count(measured, "PUT", status);
					if (status == 200) {
						Header etag = response.getFirstHeader("ETag");
						if (etag == null) {
							throw new IOException("a saved chapter came back without an ETag");
						}
						chapter.seen().compareAndSet(seen, new Snapshot(etag.getValue(), edited));
					}
					return status;
				});
			}
			catch (SocketTimeoutException ex) {
				count(measured, "PUT", "timeout");
				return -1;
			}
			catch (Exception ex) {
				if (Thread.currentThread().isInterrupted()) {
					return -1;
				}
				count(measured, "PUT", ex.getClass().getSimpleName());
				return -1;
			}
		}

		private static <R extends HttpUriRequestBase> R request(R request, ChapterRef chapter) {
			request.setHeader("Authorization", "Bearer " + chapter.writer().accessToken);
			request.setHeader("Accept", "application/json");
			request.setHeader("X-Forwarded-For", chapter.writer().address);
			return request;
		}

		private void count(boolean measured, String method, Object outcome) {
			if (measured) {
				this.outcomes.computeIfAbsent(method + " " + outcome, (k) -> new LongAdder()).increment();
			}
		}

		private static void record(Histogram histogram, long nanos) {
			histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1000)));
		}

		private static void parkUntil(long nanoTime) {
			long wait;
			while ((wait = nanoTime - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
				LockSupport.parkNanos(wait);
			}
		}

	}

}
