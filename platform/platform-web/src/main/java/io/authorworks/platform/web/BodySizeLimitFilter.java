package io.authorworks.platform.web;

import java.io.IOException;

import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above a limit with {@code 413} before any of it reaches a
 * controller: at once when {@code Content-Length} says so, or as soon as a chunked body
 * passes the limit.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	public BodySizeLimitFilter(DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			Problems.write(response, Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge(), request));
			return;
		}
		if (isMultipart(request)) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.limit), response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	private String tooLarge() {
		return "The request body is larger than " + DataSize.ofBytes(this.limit).toKilobytes() + " KB.";
	}

	/** Thrown while reading a body that grew past the limit; answered {@code 413}. */
	public static final class PayloadTooLargeException extends ProblemException {

		PayloadTooLargeException(String detail) {
			super(ProblemType.PAYLOAD_TOO_LARGE, detail);
		}

	}

	private final class LimitedRequest extends HttpServletRequestWrapper {

		private final long max;

		private @Nullable ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.max);
			}
			return this.stream;
		}

	}

	private final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long max;

		private long count;

		LimitedStream(ServletInputStream delegate, long max) {
			this.delegate = delegate;
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				advance(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				advance(n);
			}
			return n;
		}

		private void advance(int n) {
			this.count += n;
			if (this.count > this.max) {
				throw new PayloadTooLargeException(tooLarge());
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
