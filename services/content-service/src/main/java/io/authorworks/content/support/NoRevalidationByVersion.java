package io.authorworks.content.support;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import io.authorworks.platform.web.WithoutHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps reads from being answered {@code 304 Not Modified} on the strength of a version
 * ETag. The ETag {@code "<version>"} counts changes to a resource's own fields, for
 * {@code If-Match}; a representation also carries values that follow other resources
 * without a new version (a chapter's position after a reorder, a book's word count after
 * an autosave). Revalidating with it would leave a client on stale values, so
 * {@code If-None-Match} and {@code If-Modified-Since} are not shown to the handlers and
 * every read is answered whole. Nothing else changes: the ETag is still sent, and
 * {@code If-Match} is still required on writes.
 * <p>
 * A chapter read is the exception: its ETag carries a stamp that changes with every write
 * to the chapter's row ({@code "<version>.<stamp>"}), so it validates the whole answer
 * and the chapter controller answers {@code If-None-Match} itself.
 */
@Component
class NoRevalidationByVersion extends OncePerRequestFilter {

	private static final List<String> CONDITIONS = List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE);

	/**
	 * Reads whose ETag validates the whole answer; behind the gateway the path may carry
	 * its public prefix (X-Forwarded-Prefix).
	 */
	private static final Pattern CHAPTER = Pattern.compile("(?:/[^/]+)?/content/books/[^/]+/chapters/[^/]+");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return CONDITIONS.stream().allMatch((name) -> request.getHeader(name) == null)
				|| ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
						&& CHAPTER.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new WithoutHeaders(request, CONDITIONS), response);
	}

}
