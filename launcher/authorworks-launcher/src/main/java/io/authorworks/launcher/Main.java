package io.authorworks.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code ./authorworks}: starts the platform, prints where it is, and runs until Ctrl-C.
 */
public final class Main {

	private static final String USAGE = """
			Usage: ./authorworks [options]

			Runs AuthorWorks on this machine: embedded PostgreSQL, Redis, AMQP broker and SMTP
			server (data kept in ./data), then every built service as its own process.

			Options:
			  --data DIR              data directory (default ./data; env AUTHORWORKS_DATA_DIR)
			  --only a,b              run only these deployables (env AUTHORWORKS_DEPLOYABLES)
			  --engines-only          run the engines and the mailbox, no deployables
			  --replicas NAME=N       run N replicas of NAME, on port, port+100, …
			                          (env AUTHORWORKS_<NAME>_REPLICAS)
			  --port-offset N         add N to every port, to run a second platform beside one
			  --timeout SECONDS       readiness timeout per deployable (default 180)
			  --no-restart            do not restart a deployable that dies
			  --no-aot-cache          run the jars as built, without the ahead-of-time cache
			                          recorded under DATA/run that speeds up later starts
			  --help                  this text

			Set DATABASE_URL (+ DATABASE_USERNAME/DATABASE_PASSWORD), REDIS_URL, RABBITMQ_URL or
			MAIL_HOST to use an existing server instead of the embedded one.
			""";

	private Main() {
	}

	public static void main(String[] args) {
		PrintStream out = System.out;
		Platform platform;
		try {
			platform = parse(args, System.getenv()).build();
		}
		catch (UsageException ex) {
			out.print(USAGE);
			if (ex.getMessage() != null) {
				System.err.println("authorworks: " + ex.getMessage());
				System.exit(2);
			}
			return;
		}
		catch (LauncherException ex) {
			System.err.println("authorworks: " + ex.getMessage());
			System.exit(1);
			return;
		}
		try {
			PlatformEndpoints endpoints = platform.start();
			// Platform stops itself on exit; this hook only says so.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				out.println();
				out.println("Stopping AuthorWorks …");
				platform.close();
				out.println("Stopped.");
			}, "authorworks-shutdown"));
			out.print(banner(endpoints));
			out.flush();
			platform.awaitClosed();
		}
		catch (LauncherException ex) {
			System.err.println();
			System.err.println("authorworks: " + ex.getMessage());
			platform.close();
			System.exit(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Platform.Builder parse(String[] args, Map<String, String> env) {
		Platform.Builder builder = Platform.builder().fromEnvironment(env).aheadOfTimeCache(true);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--help", "-h" -> throw new UsageException(null);
				case "--data" -> builder.dataDirectory(Path.of(value(args, ++i, arg)));
				case "--only" -> builder.deployables(value(args, ++i, arg).split("\\s*,\\s*"));
				case "--engines-only" -> builder.noDeployables();
				case "--replicas" -> {
					String spec = value(args, ++i, arg);
					int equals = spec.indexOf('=');
					if (equals <= 0) {
						throw new UsageException("--replicas takes NAME=N");
					}
					builder.replicas(spec.substring(0, equals), number(spec.substring(equals + 1), arg));
				}
				case "--port-offset" -> builder.portOffset(number(value(args, ++i, arg), arg));
				case "--timeout" -> builder.readinessTimeout(Duration.ofSeconds(number(value(args, ++i, arg), arg)));
				case "--no-restart" -> builder.restartCrashed(false);
				case "--no-aot-cache" -> builder.aheadOfTimeCache(false);
				default -> throw new UsageException("unknown option " + arg);
			}
		}
		return builder;
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new UsageException(option + " needs a value");
		}
		return args[index];
	}

	private static int number(String text, String option) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new UsageException(option + " needs a number, not '" + text + "'");
		}
	}

	static String banner(PlatformEndpoints endpoints) {
		StringBuilder text = new StringBuilder();
		text.append("\n  AuthorWorks is running.\n\n");
		if (endpoints.services().isEmpty()) {
			text.append("  No service is built yet: each one appears here once its module exists.\n");
		}
		else {
			text.append("  Open        ").append(endpoints.publicUrl()).append('\n');
		}
		URI mailbox = endpoints.mailbox();
		if (mailbox != null) {
			text.append("  Mailbox     ").append(mailbox).append("  (every e-mail the platform sends)\n");
		}
		endpoints.services()
			.forEach((name, urls) -> text.append("  ")
				.append(String.format("%-12s", name + " "))
				.append(String.join(" ", urls.stream().map(URI::toString).toList()))
				.append('\n'));
		if (!endpoints.skipped().isEmpty()) {
			text.append("  Not built   ").append(String.join(", ", endpoints.skipped())).append('\n');
		}
		text.append("  Logs        ").append(relative(endpoints.logDirectory())).append("/<name>.log\n");
		text.append("  Data        ").append(relative(endpoints.dataDirectory())).append('\n');
		text.append("\n  Press Ctrl-C to stop.\n\n");
		return text.toString();
	}

	private static String relative(Path path) {
		Path cwd = Path.of("").toAbsolutePath();
		return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
	}

	/** A bad command line: print the usage (and the reason, if any). */
	static final class UsageException extends RuntimeException {

		UsageException(@Nullable String message) {
			super(message);
		}

	}

	static List<String> usageLines() {
		return USAGE.lines().toList();
	}

}
