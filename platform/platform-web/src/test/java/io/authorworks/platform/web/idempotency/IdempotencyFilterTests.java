package io.authorworks.platform.web.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link IdempotencyFilter}, with the keys held in memory; the
 * {@link JdbcIdempotencyStore} is covered by the services that use it against the real
 * PostgreSQL.
 */
class IdempotencyFilterTests {

	private final MemoryStore store = new MemoryStore();

	private final IdempotencyFilter filter = new IdempotencyFilter(this.store, Set.of("post"), List.of("/books/**"));

	/** Creates a book: answers 201 with a new number each time it really runs. */
	private final CountingServlet books = new CountingServlet(201);

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswer() throws Exception {
		signIn("ada");
		MockHttpServletResponse first = send(post("k-1", "{\"title\":\"Dune\"}"), this.books);
		MockHttpServletResponse retry = send(post("k-1", "{\"title\":\"Dune\"}"), this.books);

		assertThat(this.books.runs.get()).isEqualTo(1);
		assertThat(retry.getStatus()).isEqualTo(201);
		assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("{\"run\":1}");
		assertThat(retry.getHeader("Location")).isEqualTo("/books/1");
		assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.getHeader("Idempotent-Replayed")).isNull();
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefused() throws Exception {
		signIn("ada");
		send(post("k-1", "{\"title\":\"Dune\"}"), this.books);
		MockHttpServletResponse other = send(post("k-1", "{\"title\":\"Emma\"}"), this.books);

		assertThat(other.getStatus()).isEqualTo(422);
		assertThat(other.getContentType()).startsWith("application/problem+json");
		assertThat(other.getContentAsString()).contains("idempotency-key-reused");
		assertThat(this.books.runs.get()).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherMethodIsRefused() throws Exception {
		IdempotencyFilter postAndPut = new IdempotencyFilter(this.store, Set.of("POST", "PUT"), List.of("/**"));
		signIn("ada");
		postAndPut.doFilter(post("k-1", "{}"), new MockHttpServletResponse(), new MockFilterChain(this.books));
		MockHttpServletRequest put = post("k-1", "{}");
		put.setMethod("PUT");
		MockHttpServletResponse other = new MockHttpServletResponse();
		postAndPut.doFilter(put, other, new MockFilterChain(this.books));

		assertThat(other.getStatus()).isEqualTo(422);
		assertThat(this.books.runs.get()).isEqualTo(1);
	}

	@Test
	void aRetryWhileTheFirstRunsIsToldToWait() throws Exception {
		signIn("ada");
		this.store.claim("ada", "k-1", "POST", "/books", "running");
		MockHttpServletResponse retry = send(post("k-1", "{}"), this.books);

		assertThat(retry.getStatus()).isEqualTo(409);
		assertThat(retry.getContentAsString()).contains("idempotency-key-in-use");
		assertThat(this.books.runs.get()).isZero();
	}

	@Test
	void keysBelongToTheirCaller() throws Exception {
		signIn("ada");
		send(post("k-1", "{}"), this.books);
		signIn("grace");
		MockHttpServletResponse other = send(post("k-1", "{}"), this.books);

		assertThat(this.books.runs.get()).isEqualTo(2);
		assertThat(other.getHeader("Idempotent-Replayed")).isNull();
	}

	@Test
	void serverErrorsAreNotKeptSoTheyCanBeRetried() throws Exception {
		signIn("ada");
		CountingServlet failing = new CountingServlet(503);
		send(post("k-1", "{}"), failing);
		send(post("k-1", "{}"), failing);

		assertThat(failing.runs.get()).isEqualTo(2);
		assertThat(this.store.keys).isEmpty();
	}

	@Test
	void aMalformedKeyIsABadRequest() throws Exception {
		signIn("ada");
		MockHttpServletResponse response = send(post("with space", "{}"), this.books);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(this.books.runs.get()).isZero();
	}

	@Test
	void requestsItDoesNotCoverRunEveryTime() throws Exception {
		send(post("k-1", "{}"), this.books);
		send(post("k-1", "{}"), this.books);
		signIn("ada");
		for (int i = 0; i < 2; i++) {
			MockHttpServletRequest put = post("k-2", "{}");
			put.setMethod("PUT");
			send(put, this.books);
			MockHttpServletRequest elsewhere = post("k-3", "{}");
			elsewhere.setRequestURI("/series");
			send(elsewhere, this.books);
		}
		send(post(null, "{}"), this.books);

		assertThat(this.books.runs.get()).isEqualTo(7);
		assertThat(this.store.keys).isEmpty();
	}

	private static void signIn(String name) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(name, "n/a", "USER"));
	}

	private static MockHttpServletRequest post(@Nullable String key, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/books");
		if (key != null) {
			request.addHeader(IdempotencyFilter.HEADER, key);
		}
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	private MockHttpServletResponse send(MockHttpServletRequest request, HttpServlet servlet)
			throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain(servlet));
		return response;
	}

	/** Reads the body, as a controller would, and answers with how often it ran. */
	private static final class CountingServlet extends HttpServlet {

		private final AtomicInteger runs = new AtomicInteger();

		private final int status;

		CountingServlet(int status) {
			this.status = status;
		}

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			assertThat(request.getInputStream().readAllBytes()).isNotEmpty();
			int run = this.runs.incrementAndGet();
			response.setStatus(this.status);
			response.setHeader("Location", "/books/" + run);
			response.setContentType("application/json");
			response.getOutputStream().write(("{\"run\":" + run + "}").getBytes(StandardCharsets.UTF_8));
		}

	}

	private static final class MemoryStore implements IdempotencyStore {

		private final Map<String, Recorded> keys = new ConcurrentHashMap<>();

		@Override
		public boolean claim(String caller, String key, String method, String path, String requestHash) {
			return this.keys.putIfAbsent(caller + "\n" + key, new Recorded(requestHash, null, Map.of(), null)) == null;
		}

		@Override
		public Optional<Recorded> find(String caller, String key) {
			return Optional.ofNullable(this.keys.get(caller + "\n" + key));
		}

		@Override
		public void complete(String caller, String key, int status, Map<String, String> headers, byte[] body) {
			this.keys.computeIfPresent(caller + "\n" + key,
					(id, running) -> new Recorded(running.requestHash(), status, Map.copyOf(headers), body.clone()));
		}

		@Override
		public void release(String caller, String key) {
			this.keys.remove(caller + "\n" + key);
		}

	}

}
