package io.authorworks.bench.content;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The empty chapter service and the empty gateway of {@code bench/hop-floor}, started as
 * processes of their own with the deployables' JVM options, and seeded with copies of the
 * platform's chapters. The floor phases drive them with the same load as the platform, so
 * the difference between the two is what the platform's own work costs, and the floor is
 * the most any service of this shape could serve on this machine.
 */
final class Floor implements AutoCloseable {

	private static final String SERVICE_MAIN = "io.authorworks.bench.floor.service.FloorService";

	private static final String GATEWAY_MAIN = "io.authorworks.bench.floor.gateway.FloorGateway";

	private static final Duration READY_WITHIN = Duration.ofSeconds(120);

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String serviceUrl;

	private final String gatewayUrl;

	private Floor(String serviceUrl, String gatewayUrl) {
		this.serviceUrl = serviceUrl;
		this.gatewayUrl = gatewayUrl;
	}

	/**
	 * Starts both processes and waits until they answer.
	 * @param options the run's options (repository root, JVM options)
	 * @param logs where the processes' output goes
	 * @return the started floor
	 * @throws IOException if the module is not built or a process does not start
	 */
	static Floor start(Options options, Path logs) throws IOException, InterruptedException {
		Path module = options.root().resolve("bench/hop-floor/target");
		Path classpath = module.resolve("classpath.txt");
		if (!Files.isRegularFile(classpath) || !Files.isDirectory(module.resolve("classes"))) {
			throw new IOException(module + " is not built: run bench/run-content-load.sh, which builds it");
		}
		String cp = module.resolve("classes") + File.pathSeparator + Files.readString(classpath).strip();
		int servicePort = freePort();
		int gatewayPort = freePort();
		Floor floor = new Floor("http://127.0.0.1:" + servicePort, "http://127.0.0.1:" + gatewayPort);
		try {
			Files.createDirectories(logs);
			floor.launch(options, cp, Options.Target.FLOOR_SERVICE, SERVICE_MAIN, logs.resolve("floor-service.log"),
					"--server.port=" + servicePort);
			floor.launch(options, cp, Options.Target.FLOOR_GATEWAY, GATEWAY_MAIN, logs.resolve("floor-gateway.log"),
					"--server.port=" + gatewayPort, "--floor.service-url=" + floor.serviceUrl);
			floor.awaitAnswer(floor.serviceUrl);
			floor.awaitAnswer(floor.gatewayUrl);
			return floor;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			floor.close();
			throw ex;
		}
	}

	private void launch(Options options, String classpath, Options.Target target, String main, Path log, String... args)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(options.jvmOptions());
		command.addAll(List.of("-cp", classpath, main, "--spring.threads.virtual.enabled=true",
				"--spring.main.banner-mode=off"));
		command.addAll(List.of(args));
		this.processes.put(target.label,
				new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
					.start());
	}

	private void awaitAnswer(String url) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(READY_WITHIN);
		while (true) {
			for (Map.Entry<String, Process> process : this.processes.entrySet()) {
				if (!process.getValue().isAlive()) {
					throw new IOException("the " + process.getKey() + " exited with " + process.getValue().exitValue()
							+ "; see its log");
				}
			}
			try {
				this.http.send(
						HttpRequest.newBuilder(URI.create(url + "/ready")).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException notYet) {
				if (Instant.now().isAfter(deadline)) {
					throw new IOException(url + " did not answer within " + READY_WITHIN.toSeconds() + " s", notYet);
				}
				Thread.sleep(250);
			}
		}
	}

	/**
	 * Copies every chapter, as the platform answers it to its owner, into the empty
	 * service.
	 * @param api the platform's API base ({@code <gateway>/api})
	 * @param chapters the platform's chapters
	 * @return the same chapters as the empty service holds them, each at version 1
	 */
	List<Writers.ChapterRef> seed(String api, List<Writers.ChapterRef> chapters)
			throws IOException, InterruptedException {
		List<Writers.ChapterRef> seeded = new ArrayList<>();
		for (Writers.ChapterRef chapter : chapters) {
			HttpResponse<byte[]> real = this.http.send(HttpRequest.newBuilder(URI.create(api + chapter.path()))
				.header("Authorization", "Bearer " + chapter.writer().accessToken)
				.header("Accept", "application/json")
				.header("X-Forwarded-For", chapter.writer().address)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (real.statusCode() != 200) {
				throw new IOException("reading " + chapter.path() + " for the floor: " + real.statusCode());
			}
			HttpResponse<Void> put = this.http
				.send(HttpRequest.newBuilder(URI.create(this.serviceUrl + "/seed" + chapter.path()))
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofByteArray(real.body()))
					.build(), HttpResponse.BodyHandlers.discarding());
			if (put.statusCode() != 204) {
				throw new IOException("seeding " + chapter.path() + ": " + put.statusCode());
			}
			String content = Writers.JSON.readTree(real.body()).get("content").asString();
			seeded.add(new Writers.ChapterRef(chapter.writer(), chapter.bookId(), chapter.chapterId(),
					new AtomicReference<>(new Writers.Snapshot("\"1\"", content))));
		}
		return seeded;
	}

	/**
	 * Where a floor phase sends its requests.
	 * @param target the empty gateway or the empty service
	 * @return the base that chapter paths are appended to
	 */
	String base(Options.Target target) {
		return (target == Options.Target.FLOOR_GATEWAY) ? this.gatewayUrl + "/api" : this.serviceUrl;
	}

	/**
	 * The floor's process ids and the load generator's, for CPU time per request.
	 * @return process ids by name
	 */
	Map<String, Long> processes() {
		Map<String, Long> pids = new LinkedHashMap<>();
		this.processes.forEach((name, process) -> pids.put(name, process.pid()));
		pids.put("load generator", ProcessHandle.current().pid());
		return pids;
	}

	@Override
	public void close() {
		for (Process process : this.processes.values()) {
			process.destroy();
		}
		for (Process process : this.processes.values()) {
			try {
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
