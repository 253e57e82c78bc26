package io.authorworks.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.authorworks.platform.test.OidcTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production edge: real nginx rendered from deploy/nginx, terminating TLS in front of
 * both running gateway instances. Routing, the headers it adds and its own 429 are
 * checked through it.
 */
class NginxEdgeIT {

	private static Process nginx;

	private static int httpsPort;

	private static int httpPort;

	private static HttpClient client;

	@BeforeAll
	static void startNginx() throws Exception {
		RunningPlatform platform = RunningPlatform.get();
		Path prefix = Files.createTempDirectory("authorworks-nginx-");
		// nginx's workers run as an unprivileged user and must write their temp files
		// here.
		Files.setPosixFilePermissions(prefix, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
		httpsPort = freePort();
		httpPort = freePort();
		String upstreams = platform.replicas("api-gateway")
			.stream()
			.map((uri) -> "127.0.0.1:" + uri.getPort())
			.collect(Collectors.joining(","));
		ProcessBuilder render = new ProcessBuilder("sh", platform.root.resolve("deploy/nginx/render.sh").toString(),
				"--self-signed", "--test")
			.redirectErrorStream(true);
		render.environment()
			.putAll(Map.of("NGINX_PREFIX", prefix.toString(), "GATEWAY_UPSTREAMS", upstreams, "LISTEN_HTTP",
					String.valueOf(httpPort), "LISTEN_HTTPS", String.valueOf(httpsPort), "PUBLIC_HOST", "localhost",
					"SIGN_IN_RATE", "2r/m", "SIGN_IN_BURST", "1", "WORKER_PROCESSES", "1"));
		Process rendering = render.start();
		String output = new String(rendering.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(rendering.waitFor()).as(output).isZero();
		String config = output.lines().filter((line) -> line.endsWith("nginx.conf")).reduce((a, b) -> b).orElseThrow();
		nginx = new ProcessBuilder("nginx", "-c", config, "-p", prefix.toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(prefix.resolve("nginx.out").toFile())
			.start();
		client = HttpClient.newBuilder().sslContext(trusting(prefix.resolve("tls/tls.crt"))).build();
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> get("/actuator/health").statusCode() > 0);
	}

	@AfterAll
	static void stopNginx() {
		if (nginx != null) {
			nginx.destroy();
		}
	}

	@Test
	void routesApiCallsThroughTheGatewayWithEdgeHeaders() throws Exception {
		HttpResponse<String> anonymous = get("/api/users/me");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(anonymous.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(anonymous.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(anonymous.headers().firstValue("X-Request-Id")).isPresent();

		HttpResponse<String> discovery = get("/.well-known/openid-configuration");
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(OidcTestClient.json(discovery.body()).get("jwks_uri").asString()).endsWith("/oauth2/jwks");

		HttpResponse<String> page = get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sign in");

		HttpResponse<String> plain = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(plain.statusCode()).isEqualTo(301);
		assertThat(plain.headers().firstValue("Location").orElse("")).startsWith("https://");
	}

	@Test
	void theEdgeAnswers429WithAProblemAndRetryAfter() throws Exception {
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> last = null;
		for (int i = 0; i < 5; i++) {
			last = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("login=nobody&password=wrong"))
				.build(), HttpResponse.BodyHandlers.ofString());
			statuses.add(last.statusCode());
		}
		assertThat(statuses).as("statuses %s", statuses).contains(429);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertThat(last.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(OidcTestClient.json(last.body()).get("type").asString()).endsWith("/rate-limited");
	}

	private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static SSLContext trusting(Path certificate) throws Exception {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		store.setCertificateEntry("edge", CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate))));
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
