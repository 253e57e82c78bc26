package io.authorworks.gateway;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.CloseReason;
import io.authorworks.platform.test.LiveSocket;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * LiveSocket channels through the gateway, driven with the JDK's WebSocket client as a
 * browser would: relayed message by message to the service's channel with the session's
 * token, refused before the upgrade without a session or from a foreign origin, and
 * closed when the session ends, here or anywhere else.
 */
class LiveChannelIntegrationTests extends GatewayIntegrationTests {

	private static final String ECHO = "/api/messaging/live/echo";

	@Autowired
	SessionRepository<?> sessions;

	@Test
	void relaysMessagesBothWaysWithTheSessionsIdentity() throws Exception {
		HttpClient browser = signedIn();
		LiveSocket live = open(browser, ECHO, origin());

		live.socket().sendText("hello through the gateway", true).get(5, TimeUnit.SECONDS);

		assertThat(live.next()).contains("\"userId\":\"" + FakeService.USER_ID + "\"")
			.contains("\"message\":\"hello through the gateway\"");
		assertThat(TestServices.LIVE.authorizations.getLast()).startsWith("Bearer ey");

		int closesBefore = TestServices.LIVE.closes.size();
		live.socket().sendClose(4000, "done").get(5, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(5)).until(() -> TestServices.LIVE.closes.size() > closesBefore);
		CloseReason seen = TestServices.LIVE.closes.getLast();
		assertThat(seen.getCloseCode().getCode()).isEqualTo(4000);
		assertThat(seen.getReasonPhrase()).isEqualTo("done");
	}

	@Test
	void theServiceClosingClosesTheBrowsersSideWithItsCode() throws Exception {
		LiveSocket live = open(signedIn(), ECHO, origin());

		live.socket().sendText("close:4321", true).get(5, TimeUnit.SECONDS);

		assertThat(live.closed().get(5, TimeUnit.SECONDS)).isEqualTo("4321 closed by the service");
	}

	@Test
	void withoutASessionTheUpgradeIsRefused() {
		int opened = TestServices.LIVE.authorizations.size();

		assertThat(refusal(browser(), ECHO, origin())).isEqualTo(401);
		assertThat(TestServices.LIVE.authorizations).hasSize(opened);
	}

	@Test
	void fromAForeignOriginTheUpgradeIsRefused() {
		HttpClient browser = signedIn();
		int opened = TestServices.LIVE.authorizations.size();

		assertThat(refusal(browser, ECHO, "https://evil.example")).isEqualTo(403);
		assertThat(refusal(browser, ECHO, "http://localhost:" + (this.port + 1))).isEqualTo(403);
		assertThat(TestServices.LIVE.authorizations).hasSize(opened);
	}

	@Test
	void signingOutClosesTheSessionsLiveConnections() throws Exception {
		HttpClient browser = signedIn();
		LiveSocket live = open(browser, ECHO, origin());
		HttpClient other = signedIn();
		LiveSocket othersLive = open(other, ECHO, origin());

		HttpResponse<String> logout = send(browser,
				request("/bff/logout").header("X-XSRF-TOKEN", csrfToken(browser))
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.noBody())
					.build());
		assertThat(logout.statusCode()).isEqualTo(200);

		assertThat(live.closed().get(2, TimeUnit.SECONDS)).isEqualTo("4401 Signed out");
		othersLive.socket().sendText("still here", true).get(5, TimeUnit.SECONDS);
		assertThat(othersLive.next()).contains("still here");
	}

	@Test
	void aSessionEndedElsewhereClosesItsLiveConnectionsWithinSeconds() throws Exception {
		HttpClient browser = signedIn();
		LiveSocket live = open(browser, ECHO, origin());

		// As a sign-out on another replica, or expiry, leaves it: gone from Redis.
		this.sessions.deleteById(sessionId(browser));

		assertThat(live.closed().get(5, TimeUnit.SECONDS)).isEqualTo("4401 Signed out");
	}

	@Test
	void aSessionHoldsOnlySoManyLiveConnections() throws Exception {
		HttpClient browser = signedIn();
		List<LiveSocket> allowed = List.of(open(browser, ECHO, origin()), open(browser, ECHO, origin()),
				open(browser, ECHO, origin()));

		LiveSocket tooMany = open(browser, ECHO, origin());

		assertThat(tooMany.closed().get(5, TimeUnit.SECONDS)).startsWith("4429 ");
		for (LiveSocket live : allowed) {
			assertThat(live.closed()).isNotDone();
		}
	}

	@Test
	void aMessageOverTheLimitClosesTheConnection() throws Exception {
		LiveSocket live = open(signedIn(), ECHO, origin());

		live.socket().sendText("x".repeat(65 * 1024), true);

		assertThat(live.closed().get(5, TimeUnit.SECONDS)).startsWith("1009 ");
	}

	private HttpClient signedIn() {
		HttpClient browser = browser();
		send(browser, request("/bff/login").GET().build());
		signIn(browser);
		return browser;
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

	private String sessionId(HttpClient browser) {
		HttpCookie cookie = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore()
			.get(uri("/"))
			.stream()
			.filter((c) -> c.getName().equals("AW_SESSION"))
			.findFirst()
			.orElseThrow();
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	private LiveSocket open(HttpClient browser, String path, String origin) throws Exception {
		return LiveSocket.open(browser.newWebSocketBuilder().header("Origin", origin),
				URI.create("ws://localhost:" + this.port + path));
	}

	/** The status the gateway refused the upgrade with. */
	private int refusal(HttpClient browser, String path, String origin) {
		CompletableFuture<WebSocket> opening = browser.newWebSocketBuilder()
			.header("Origin", origin)
			.buildAsync(URI.create("ws://localhost:" + this.port + path), new LiveSocket());
		assertThatThrownBy(() -> opening.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(WebSocketHandshakeException.class);
		Throwable failure = opening.handle((socket, thrown) -> thrown).join();
		Throwable cause = Objects.requireNonNull(Objects.requireNonNull(failure).getCause());
		return ((WebSocketHandshakeException) cause).getResponse().statusCode();
	}

}
