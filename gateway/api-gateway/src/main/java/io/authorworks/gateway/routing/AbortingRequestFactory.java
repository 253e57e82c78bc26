package io.authorworks.gateway.routing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;

import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * Apache HttpClient's request factory, but a response closed before its end drops its
 * connection instead of reading on to the end. Without this a proxied stream the caller
 * left (an AI answer the author cancelled) would be read out to its last token, and the
 * service would never learn that nobody listens. A response read to its end keeps its
 * connection for the next request as before.
 */
final class AbortingRequestFactory implements ClientHttpRequestFactory {

	private final HttpComponentsClientHttpRequestFactory delegate;

	AbortingRequestFactory(HttpComponentsClientHttpRequestFactory delegate) {
		this.delegate = delegate;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod method) throws IOException {
		return new Request(this.delegate.createRequest(uri, method));
	}

	private record Request(ClientHttpRequest delegate) implements ClientHttpRequest, StreamingHttpOutputMessage {

		@Override
		public ClientHttpResponse execute() throws IOException {
			return new Response(this.delegate.execute());
		}

		@Override
		public void setBody(StreamingHttpOutputMessage.Body body) {
			((StreamingHttpOutputMessage) this.delegate).setBody(body);
		}

		@Override
		public OutputStream getBody() throws IOException {
			return this.delegate.getBody();
		}

		@Override
		public HttpMethod getMethod() {
			return this.delegate.getMethod();
		}

		@Override
		public URI getURI() {
			return this.delegate.getURI();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.delegate.getAttributes();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final ClientHttpResponse delegate;

		private @Nullable Body body;

		Response(ClientHttpResponse delegate) {
			this.delegate = delegate;
		}

		@Override
		public InputStream getBody() throws IOException {
			if (this.body == null) {
				this.body = new Body(this.delegate.getBody());
			}
			return this.body;
		}

		@Override
		public void close() {
			if (this.body != null) {
				try {
					this.body.close();
				}
				catch (IOException ex) {
					// Closing the response below cleans up either way.
				}
			}
			this.delegate.close();
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

	}

	/** A response body that knows whether it was read to its end. */
	private static final class Body extends FilterInputStream {

		private volatile boolean ended;

		Body(InputStream source) {
			super(source);
		}

		/**
		 * Closes the body; one not read to its end drops its connection rather than be
		 * read on. (The gateway closes only the body of a stream the caller left.)
		 */
		@Override
		public void close() throws IOException {
			if (!this.ended && this.in instanceof EofSensorInputStream source) {
				source.abort();
			}
			else {
				super.close();
			}
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			if (read < 0) {
				this.ended = true;
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read < 0) {
				this.ended = true;
			}
			return read;
		}

	}

}
