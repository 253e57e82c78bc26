package io.authorworks.e2e;

import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page's side of a live channel check: the page opens
 * {@code ws(s)://<its origin>/api/content/live/echo} as the app's code would (the session
 * cookie is its only credential), and the test reads what happened.
 */
final class LiveEcho {

	static final String PATH = "/api/content/live/echo";

	private LiveEcho() {
	}

	/**
	 * Sends one message on the page's own origin and answers the echo, the signed-in
	 * user's id from {@code /bff/session} and how the connection closed.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> echo(ChromeDriver chrome, String message) {
		chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		return (Map<String, Object>) chrome.executeAsyncScript("""
				const [path, message, done] = arguments;
				const result = {};
				fetch('/bff/session').then((r) => r.json()).then((session) => {
				  result.userId = session.userId;
				  const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + path);
				  ws.onopen = () => ws.send(message);
				  ws.onmessage = (event) => { result.echo = event.data; ws.close(1000, 'done'); };
				  ws.onclose = (event) => done(Object.assign(result, { code: event.code, reason: event.reason }));
				});
				""", PATH, message);
	}

	/**
	 * Opens the channel, then signs out through the app's sign-out endpoint while it is
	 * open, and answers how the connection was closed.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> signOutWhileOpen(ChromeDriver chrome) {
		chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		return (Map<String, Object>) chrome.executeAsyncScript("""
				const [path, done] = arguments;
				const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + path);
				ws.onopen = async () => {
				  const session = await (await fetch('/bff/session')).json();
				  const out = await fetch('/bff/logout', { method: 'POST',
				    headers: { 'X-XSRF-TOKEN': session.csrfToken, 'Accept': 'application/json' } });
				  ws.signOutStatus = out.status;
				};
				ws.onclose = (event) => done({ code: event.code, reason: event.reason, signOut: ws.signOutStatus });
				""", PATH);
	}

	/** Checks an echo: from this user, with this message, closed normally. */
	static void assertEchoed(Map<String, Object> result, String message) {
		assertThat(result).containsEntry("code", 1000L);
		assertThat(String.valueOf(result.get("userId"))).hasSize(36);
		assertThat(String.valueOf(result.get("echo"))).contains("\"userId\":\"" + result.get("userId") + "\"")
			.contains("\"message\":\"" + message + "\"");
	}

}
