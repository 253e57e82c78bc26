package io.authorworks.gateway.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.authorworks.platform.web.security.EndedSessions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.session.SessionRepository;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The live connections this gateway holds, by the browser session behind them. It caps
 * how many one session may hold, closes a session's connections when it signs out here,
 * and every few seconds checks that the sessions behind the others still exist in Redis
 * and their sign-ins have not ended: a sign-out on another replica, an expired session or
 * "sign out everywhere" closes them within one interval.
 */
final class LiveConnections implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);

	/** The session behind a connection has ended. */
	static final CloseStatus SIGNED_OUT = new CloseStatus(4401, "Signed out");

	/** The session already holds as many live connections as it may. */
	static final CloseStatus TOO_MANY = new CloseStatus(4429, "Too many live connections for this session");

	private final Map<WebSocketSession, LiveTarget> open = new ConcurrentHashMap<>();

	private final int maxPerSession;

	private final SessionRepository<?> sessions;

	private final @Nullable EndedSessions endedSignIns;

	private final ScheduledExecutorService checks;

	LiveConnections(int maxPerSession, Duration checkInterval, SessionRepository<?> sessions,
			@Nullable EndedSessions endedSignIns) {
		this.maxPerSession = maxPerSession;
		this.sessions = sessions;
		this.endedSignIns = endedSignIns;
		this.checks = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("live-session-check").factory());
		this.checks.scheduleWithFixedDelay(this::checkSafely, checkInterval.toMillis(), checkInterval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** Takes a new connection, unless its session holds as many as it may already. */
	synchronized boolean open(WebSocketSession browser, LiveTarget target) {
		String sessionId = target.sessionId();
		if (sessionId != null && this.open.values()
			.stream()
			.filter((other) -> sessionId.equals(other.sessionId()))
			.count() >= this.maxPerSession) {
			return false;
		}
		this.open.put(browser, target);
		return true;
	}

	void closed(WebSocketSession browser) {
		this.open.remove(browser);
	}

	int size() {
		return this.open.size();
	}

	/** The browser session signed out through this gateway: its connections end now. */
	void signedOut(String sessionId) {
		closeWhere((target) -> sessionId.equals(target.sessionId()));
	}

	/** Closes the connections whose session or sign-in has ended. */
	void check() {
		Map<String, Boolean> sessionLives = new ConcurrentHashMap<>();
		Map<String, Boolean> signInEnded = new ConcurrentHashMap<>();
		closeWhere((target) -> {
			String sessionId = target.sessionId();
			if (sessionId != null
					&& !sessionLives.computeIfAbsent(sessionId, (id) -> this.sessions.findById(id) != null)) {
				return true;
			}
			String signIn = target.signIn();
			return signIn != null && this.endedSignIns != null
					&& signInEnded.computeIfAbsent(signIn, Objects.requireNonNull(this.endedSignIns)::hasEnded);
		});
	}

	private void checkSafely() {
		try {
			check();
		}
		catch (DataAccessException ex) {
			log.warn("Could not check the sessions behind {} live connections; keeping them: {}", size(),
					ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("The check of live connections failed", ex);
		}
	}

	private void closeWhere(Predicate<LiveTarget> ended) {
		List<WebSocketSession> closing = this.open.entrySet()
			.stream()
			.filter((entry) -> ended.test(entry.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		for (WebSocketSession browser : closing) {
			this.open.remove(browser);
			try {
				browser.close(SIGNED_OUT);
			}
			catch (IOException ex) {
				log.debug("Closing a signed-out live connection failed: {}", ex.getMessage());
			}
		}
	}

	@Override
	public void destroy() {
		this.checks.shutdownNow();
	}

}
