package io.authorworks.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.authorworks.platform.test.LiveSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LiveSocket channels on the one public origin, with no nginx in front (as in the
 * all-in-one): a page opens a WebSocket to the content-service's echo channel through the
 * gateway, signed in by its session cookie alone, and the echo names the signed-in user.
 * Refused without a session and from a foreign origin; closed when the session signs out,
 * on this gateway replica or another one.
 */
class LiveChannelIT {

	private final RunningPlatform platform = RunningPlatform.get();

	@RegisterExtension
	final Browser browser = new Browser(this.platform);

	@Test
	void aPageEchoesAsItsSignedInUserAndSigningOutClosesTheChannel() {
		this.browser.signIn(Accounts.signUpAndVerify(this.platform, "Lin"));
		ChromeDriver chrome = this.browser.chrome();

		LiveEcho.assertEchoed(LiveEcho.echo(chrome, "hello through the gateway"), "hello through the gateway");

		Map<String, Object> signedOut = LiveEcho.signOutWhileOpen(chrome);
		assertThat(signedOut).containsEntry("code", 4401L).containsEntry("reason", "Signed out");
	}

	@Test
	void upgradesNeedASessionAndThisOriginAndEndWithASignOutOnAnotherReplica() throws Exception {
		this.browser.signIn(Accounts.signUpAndVerify(this.platform, "Mae"));
		String cookie = "AW_SESSION=" + this.browser.chrome().manage().getCookieNamed("AW_SESSION").getValue();
		URI first = this.platform.replicas("api-gateway").getFirst();
		URI second = this.platform.replicas("api-gateway").get(1);
		HttpClient client = HttpClient.newHttpClient();

		assertThat(refusal(client, first, origin(first), null)).isEqualTo(401);
		assertThat(refusal(client, first, "https://evil.example", cookie)).isEqualTo(403);

		// Open on the second replica, sign out on the first: the second finds out from
		// Redis within its check interval.
		LiveSocket live = open(client, second, origin(second), cookie);
		live.socket().sendText("on the second replica", true).get(5, TimeUnit.SECONDS);
		assertThat(live.next()).contains("\"message\":\"on the second replica\"");
		this.browser.chrome().manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		Object status = this.browser.chrome().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/bff/session').then((r) => r.json()).then((session) => fetch('/bff/logout', { method: 'POST',
				  headers: { 'X-XSRF-TOKEN': session.csrfToken, 'Accept': 'application/json' } }))
				  .then((r) => done(r.status));
				""");
		assertThat(status).isEqualTo(200L);

		assertThat(live.closed().get(15, TimeUnit.SECONDS)).isEqualTo("4401 Signed out");
	}

	private static String origin(URI gateway) {
		return gateway.getScheme() + "://" + gateway.getRawAuthority();
	}

	private static URI echo(URI gateway) {
		return URI.create("ws://" + gateway.getRawAuthority() + LiveEcho.PATH);
	}

	private static WebSocket.Builder builder(HttpClient client, String origin, @Nullable String cookie) {
		WebSocket.Builder builder = client.newWebSocketBuilder().header("Origin", origin);
		return (cookie != null) ? builder.header("Cookie", cookie) : builder;
	}

	private static LiveSocket open(HttpClient client, URI gateway, String origin, String cookie) throws Exception {
		return LiveSocket.open(builder(client, origin, cookie), echo(gateway));
	}

	/** The HTTP status the gateway refused the upgrade with. */
	private static int refusal(HttpClient client, URI gateway, String origin, @Nullable String cookie)
			throws InterruptedException {
		try {
			builder(client, origin, cookie).buildAsync(echo(gateway), new LiveSocket())
				.get(10, TimeUnit.SECONDS)
				.abort();
			throw new AssertionError("the upgrade was accepted");
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(WebSocketHandshakeException.class);
			return ((WebSocketHandshakeException) Objects.requireNonNull(ex.getCause())).getResponse().statusCode();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError("no answer to the upgrade", ex);
		}
	}

}
