package io.authorworks.gateway.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The {@code 429} answer, with {@code Retry-After}: an RFC 9457 problem for programs, and
 * for a browser (a sign-in form posted from a page asks for HTML) a small page of its own
 * that says how long to wait, since a browser would show the problem as raw JSON.
 */
final class TooManyRequests {

	/** The page runs nothing and loads only the sign-in pages' stylesheet. */
	static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	private static final List<MediaType> PAGES = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

	private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

	private TooManyRequests() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, RateDecision decision)
			throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
		if (!wantsPage(request)) {
			Problems.write(response, Problems.of(ProblemType.RATE_LIMITED,
					"Too many requests. Try again in " + decision.waitInWords() + ".", request));
			return;
		}
		byte[] page = page(decision.waitInWords()).getBytes(StandardCharsets.UTF_8);
		response.setStatus(429);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Content-Security-Policy", PAGE_POLICY);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(page.length);
		response.getOutputStream().write(page);
	}

	/**
	 * Whether the request names an HTML type at least as acceptable as any JSON one; a
	 * bare {@code *}{@code /*} does not count, so scripts keep getting the problem.
	 */
	static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		double page = quality(accepted, PAGES);
		return page > 0 && page >= quality(accepted, JSON);
	}

	private static double quality(List<MediaType> accepted, List<MediaType> wanted) {
		return accepted.stream()
			.filter((type) -> !type.isWildcardType()
					&& wanted.stream().anyMatch((candidate) -> type.isCompatibleWith(candidate)))
			.mapToDouble(MediaType::getQualityValue)
			.max()
			.orElse(0);
	}

	private static String page(String wait) {
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>Too many attempts · AuthorWorks</title>
				  <link rel="stylesheet" href="/auth-assets/auth.css">
				</head>
				<body>
				<main>
				  <p class="brand">AuthorWorks</p>
				  <h1>Too many attempts</h1>
				  <div class="alert error" role="alert">There were too many attempts from your network just now.
				    Wait %s, then try again.</div>
				  <p class="links"><a href="/login">Back to sign in</a></p>
				</main>
				</body>
				</html>
				""".formatted(wait);
	}

}
