package io.authorworks.platform.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A request as if the client had not sent some headers: whatever reads it further on
 * (handlers, Spring's conditional-request checks) finds none of them.
 */
public final class WithoutHeaders extends HttpServletRequestWrapper {

	private final List<String> hidden;

	/**
	 * @param request the request
	 * @param hidden the names of the headers to hide, in any case
	 */
	public WithoutHeaders(HttpServletRequest request, List<String> hidden) {
		super(request);
		this.hidden = List.copyOf(hidden);
	}

	private boolean isHidden(String name) {
		return this.hidden.stream().anyMatch(name::equalsIgnoreCase);
	}

	@Override
	public @Nullable String getHeader(String name) {
		return isHidden(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return isHidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public long getDateHeader(String name) {
		return isHidden(name) ? -1 : super.getDateHeader(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections
			.enumeration(Collections.list(super.getHeaderNames()).stream().filter((name) -> !isHidden(name)).toList());
	}

}
