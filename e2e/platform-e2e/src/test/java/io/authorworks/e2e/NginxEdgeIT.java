package io.authorworks.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.authorworks.platform.test.OidcTestClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production edge in the shape compose and Kubernetes give it: real nginx rendered
 * from deploy/nginx, terminating TLS in front of two gateway instances that believe
 * {@code X-Forwarded-For} from the edge's address alone ({@code TRUSTED_PROXIES}). nginx
 * reaches the gateways from {@value #EDGE_ADDRESS}, an address other than theirs, as it
 * does from its own container or pod; clients reach nginx from addresses of their own.
 * Routing, the headers it adds, its own 429, the per-client sign-in budgets behind it and
 * a live channel (WebSocket) opened by a page on the edge's origin are checked through
 * it.
 */
class NginxEdgeIT {

	/** Where nginx's connections to the gateways come from: the edge's address. */
	private static final String EDGE_ADDRESS = "127.0.0.2";

	private static final int GATEWAY_SIGN_INS_PER_MINUTE = 10;

	private static final Pattern REMAINING = Pattern.compile("\\br=(\\d+)");

	private static RunningPlatform platform;

	private static Process nginx;

	private static int httpsPort;

	private static int httpPort;

	private static SSLContext context;

	private static HttpClient client;

	@BeforeAll
	static void startPlatformAndNginx() throws Exception {
		// The gateways trust the edge's address only, as TRUSTED_PROXIES does in compose
		// and Kubernetes; a key prefix of this run's own gives every client a fresh
		// budget.
		httpsPort = freePort();
		httpPort = freePort();
		// The content-service for its echo channel. The gateways take the edge's origin
		// as
		// their own: behind nginx on a port of its own they cannot tell it from the
		// request.
		platform = RunningPlatform
			.separate((builder) -> builder.deployables("user-service", "content-service", "api-gateway")
				.replicas("user-service", 1)
				.environment("CORS_ALLOWED_ORIGINS", "https://localhost:" + httpsPort)
				.environment("TRUSTED_PROXIES", EDGE_ADDRESS.replace(".", "\\."))
				.environment("RATE_LIMIT_SIGN_IN_PER_MINUTE", String.valueOf(GATEWAY_SIGN_INS_PER_MINUTE))
				.environment("RATE_LIMIT_KEY_PREFIX", "authorworks:e2e:" + UUID.randomUUID() + ":"));
		Path prefix = Files.createTempDirectory("authorworks-nginx-");
		// nginx's workers run as an unprivileged user and must write their temp files
		// here.
		Files.setPosixFilePermissions(prefix, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
		String upstreams = platform.replicas("api-gateway")
			.stream()
			.map((uri) -> "127.0.0.1:" + uri.getPort())
			.collect(Collectors.joining(","));
		ProcessBuilder render = new ProcessBuilder("sh", platform.root.resolve("deploy/nginx/render.sh").toString(),
				"--self-signed", "--test")
			.redirectErrorStream(true);
		render.environment()
			.putAll(Map.of("NGINX_PREFIX", prefix.toString(), "GATEWAY_UPSTREAMS", upstreams, "LISTEN_HTTP",
					"127.0.0.1:" + httpPort, "LISTEN_HTTPS", "127.0.0.1:" + httpsPort, "PUBLIC_HOST", "localhost",
					"SIGN_IN_RATE", "2r/m", "SIGN_IN_BURST", "1", "WORKER_PROCESSES", "1"));
		Process rendering = render.start();
		String output = new String(rendering.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(rendering.waitFor()).as(output).isZero();
		String config = output.lines().filter((line) -> line.endsWith("nginx.conf")).reduce((a, b) -> b).orElseThrow();
		// Every route includes proxy.conf: its upstream connections leave from the edge's
		// address, as they would from another host.
		Files.writeString(Path.of(config).resolveSibling("snippets/proxy.conf"), "proxy_bind " + EDGE_ADDRESS + ";\n",
				StandardOpenOption.APPEND);
		nginx = new ProcessBuilder("nginx", "-c", config, "-p", prefix.toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(prefix.resolve("nginx.out").toFile())
			.start();
		context = trusting(prefix.resolve("tls/tls.crt"));
		client = HttpClient.newBuilder().sslContext(context).build();
		await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> get("/actuator/health").statusCode() > 0);
	}

	@AfterAll
	static void stopNginxAndPlatform() {
		if (nginx != null) {
			nginx.destroy();
		}
		if (platform != null) {
			platform.platform.close();
		}
	}

	@RegisterExtension
	final Browser browser = new Browser(platform, List.of("--ignore-certificate-errors"));

	@Test
	void aPageOnTheEdgesOriginEchoesThroughNginxAndTheGateway() throws Exception {
		this.browser.signIn(Accounts.signUpAndVerify(platform, "Ned"));
		ChromeDriver chrome = this.browser.chrome();
		// The session cookie belongs to the host, whichever port set it.
		chrome.get("https://localhost:" + httpsPort + "/bff/session");

		LiveEcho.assertEchoed(LiveEcho.echo(chrome, "hello through nginx"), "hello through nginx");

		String cookie = "AW_SESSION=" + chrome.manage().getCookieNamed("AW_SESSION").getValue();
		assertThat(refusal("https://localhost:" + httpsPort, null)).isEqualTo(401);
		assertThat(refusal("https://evil.example", cookie)).isEqualTo(403);
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

	@Test
	void clientsBehindTheEdgeEachHaveTheirOwnSignInBudgetWhateverTheyClaim() throws Exception {
		HttpClient ann = clientFrom("127.0.0.3");
		HttpClient bob = clientFrom("127.0.0.4");

		int annFirst = remainingSignIns(signIn(ann, null));
		int bobFirst = remainingSignIns(signIn(bob, null));
		assertThat(bobFirst).as("bob's first attempt is counted in a budget of his own, not in ann's")
			.isEqualTo(annFirst);

		// nginx replaces what a client claims with the address it sees.
		int annSecond = remainingSignIns(signIn(ann, "198.51.100.77"));
		assertThat(annSecond).as("a made-up X-Forwarded-For does not buy ann a fresh budget").isEqualTo(annFirst - 1);
	}

	@Test
	void theGatewayIgnoresForwardedHeadersFromAnyoneButTheEdge() throws Exception {
		// Straight to a gateway, not through the edge: the caller's claims are not
		// believed, so both attempts count against its own address.
		HttpClient caller = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.5")).build();
		URI login = platform.replicas("api-gateway").getFirst().resolve("/login");
		int first = remainingSignIns(
				caller.send(signInRequest(login, "198.51.100.1"), HttpResponse.BodyHandlers.ofString()));
		int second = remainingSignIns(
				caller.send(signInRequest(login, "198.51.100.2"), HttpResponse.BodyHandlers.ofString()));
		assertThat(second).isEqualTo(first - 1);
	}

	/** The status a WebSocket upgrade through the edge is refused with. */
	private static int refusal(String origin, @Nullable String cookie) throws Exception {
		WebSocket.Builder builder = client.newWebSocketBuilder().header("Origin", origin);
		if (cookie != null) {
			builder.header("Cookie", cookie);
		}
		try {
			builder.buildAsync(URI.create("wss://localhost:" + httpsPort + LiveEcho.PATH), new WebSocket.Listener() {
			}).get(10, TimeUnit.SECONDS).abort();
			throw new AssertionError("the upgrade was accepted");
		}
		catch (ExecutionException ex) {
			return ((WebSocketHandshakeException) Objects.requireNonNull(ex.getCause())).getResponse().statusCode();
		}
	}

	private static HttpClient clientFrom(String address) throws IOException {
		return HttpClient.newBuilder().sslContext(context).localAddress(InetAddress.getByName(address)).build();
	}

	private static HttpResponse<String> signIn(HttpClient from, String claimedAddress) throws Exception {
		return from.send(signInRequest(URI.create("https://localhost:" + httpsPort + "/login"), claimedAddress),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest signInRequest(URI login, String claimedAddress) {
		HttpRequest.Builder request = HttpRequest.newBuilder(login)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("login=nobody&password=wrong"));
		if (claimedAddress != null) {
			request.header("X-Forwarded-For", claimedAddress);
		}
		return request.build();
	}

	/**
	 * What the gateway's sign-in budget for this caller has left, from its RateLimit
	 * header.
	 */
	private static int remainingSignIns(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isNotEqualTo(429);
		assertThat(response.headers().firstValue("RateLimit-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).as("the gateway's policy, not the edge's")
				.startsWith("\"sign-in\";q=" + GATEWAY_SIGN_INS_PER_MINUTE + ";"));
		String state = response.headers().firstValue("RateLimit").orElseThrow();
		Matcher remaining = REMAINING.matcher(state);
		assertThat(remaining.find()).as(state).isTrue();
		return Integer.parseInt(remaining.group(1));
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
