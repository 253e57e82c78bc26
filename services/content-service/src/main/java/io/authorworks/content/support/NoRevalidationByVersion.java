package io.authorworks.content.support;

import java.io.IOException;
import java.util.List;

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
 */
@Component
class NoRevalidationByVersion extends OncePerRequestFilter {

	private static final List<String> CONDITIONS = List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return CONDITIONS.stream().allMatch((name) -> request.getHeader(name) == null);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new WithoutHeaders(request, CONDITIONS), response);
	}

}
