package io.authorworks.platform.web.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.authorworks.platform.core.ProblemType;
import io.authorworks.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Makes unsafe requests (by default {@code POST}) with an {@code Idempotency-Key} header
 * safe to retry, as the API conventions ask: the first request with a key runs and its
 * answer is stored for a while (24 hours by default); the same key with the same request
 * replays that answer ({@code Idempotent-Replayed: true}); the same key with a different
 * body is refused with {@code 422}, and while the first is still running a retry gets
 * {@code 409}. Keys belong to the signed-in caller, so nobody can replay another person's
 * answer. Server errors are not stored, so they can be retried. Anonymous requests pass
 * untouched: without a caller there is nobody to scope the key to.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

	public static final String HEADER = "Idempotency-Key";

	public static final ProblemType KEY_REUSED = new ProblemType("idempotency-key-reused",
			"This Idempotency-Key was used for a different request", 422);

	public static final ProblemType KEY_IN_USE = new ProblemType("idempotency-key-in-use",
			"A request with this Idempotency-Key is still running", 409);

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private static final List<String> REPLAYED_HEADERS = List.of("Location", "ETag", "Content-Type");

	private final IdempotencyStore store;

	private final Set<String> methods;

	private final List<PathPattern> paths;

	/**
	 * A filter for requests with one of {@code methods} to a path matching one of
	 * {@code paths}.
	 */
	public IdempotencyFilter(IdempotencyStore store, Set<String> methods, List<String> paths) {
		this.store = store;
		this.methods = Set.copyOf(methods.stream().map((method) -> method.toUpperCase(Locale.ROOT)).toList());
		this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!this.methods.contains(request.getMethod()) || request.getHeader(HEADER) == null) {
			return true;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return this.paths.stream().noneMatch((pattern) -> pattern.matches(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		String caller = caller();
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!KEY.matcher(key).matches()) {
			Problems.write(response, Problems.of(ProblemType.BAD_REQUEST,
					"Idempotency-Key must be 1 to 255 visible ASCII characters.", request));
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String path = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		// A POST hashes as before other methods could be covered, so its stored keys
		// still
		// replay; any other method is part of what the key stands for.
		String method = request.getMethod();
		String hash = hash("POST".equals(method) ? path : method + " " + path, request.getContentType(), body);
		if (!this.store.claim(caller, key, method, path, hash)) {
			answerFromStore(request, response, caller, key, hash);
			return;
		}
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		boolean stored = false;
		try {
			chain.doFilter(new CachedBody(request, body), recorded);
			if (recorded.getStatus() < 500) {
				store(caller, key, recorded);
				stored = true;
			}
		}
		finally {
			if (!stored) {
				this.store.release(caller, key);
			}
			recorded.copyBodyToResponse();
		}
	}

	private void answerFromStore(HttpServletRequest request, HttpServletResponse response, String caller, String key,
			String hash) throws IOException {
		IdempotencyStore.Recorded stored = this.store.find(caller, key).orElse(null);
		if (stored == null || stored.status() == null) {
			Problems.write(response, Problems.of(KEY_IN_USE,
					"The first request with this key has not finished; retry in a moment.", request));
			return;
		}
		if (!stored.requestHash().equals(hash)) {
			Problems.write(response,
					Problems.of(KEY_REUSED,
							"Use a new Idempotency-Key for a different request; this one was used with another body.",
							request));
			return;
		}
		response.setStatus(stored.status());
		stored.headers().forEach(response::setHeader);
		response.setHeader("Idempotent-Replayed", "true");
		if (stored.body() != null) {
			response.getOutputStream().write(stored.body());
		}
	}

	private void store(String caller, String key, ContentCachingResponseWrapper response) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : REPLAYED_HEADERS) {
			String value = response.getHeader(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		this.store.complete(caller, key, response.getStatus(), headers, response.getContentAsByteArray());
	}

	private static @Nullable String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getName())) ? authentication.getName() : null;
	}

	private static String hash(String path, @Nullable String contentType, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(String.valueOf(contentType).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The request with its body already read, so the controller can read it again. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(
					new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
		}

	}

}
