package io.authorworks.gateway.bff;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * Where to send the browser after sign-in. Only a path on this origin is accepted, so a
 * crafted sign-in link cannot bounce the user to another site.
 */
final class ReturnTo {

	static final String SESSION_ATTRIBUTE = ReturnTo.class.getName();

	private static final int MAX_LENGTH = 2048;

	private ReturnTo() {
	}

	/** The path when it is a safe same-origin path, otherwise {@code /}. */
	static String sanitize(@Nullable String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH || !candidate.startsWith("/")
				|| candidate.startsWith("//") || candidate.startsWith("/\\") || candidate.contains("\\")
				|| candidate.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			return "/";
		}
		try {
			URI uri = URI.create(candidate);
			if (uri.getScheme() != null || uri.getRawAuthority() != null) {
				return "/";
			}
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
		return candidate;
	}

	static void remember(HttpServletRequest request, String path) {
		request.getSession().setAttribute(SESSION_ATTRIBUTE, path);
	}

	/** The remembered path, forgotten as it is read. */
	static String take(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return "/";
		}
		Object path = session.getAttribute(SESSION_ATTRIBUTE);
		session.removeAttribute(SESSION_ATTRIBUTE);
		return (path instanceof String value) ? sanitize(value) : "/";
	}

}
