package io.authorworks.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which requests get an access-log line: every failure, every slow request and every
 * request whose trace is sampled; the fast, successful, unsampled rest only at DEBUG.
 */
class AccessLogFilterTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger("io.authorworks.access");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@BeforeEach
	void capture() {
		this.lines.start();
		this.logger.addAppender(this.lines);
		this.logger.setLevel(Level.INFO);
	}

	@AfterEach
	void release() {
		this.logger.detachAppender(this.lines);
		this.logger.setLevel(null);
	}

	@Test
	void aFastSuccessfulUnsampledRequestIsNotLogged() throws Exception {
		run(filter(Duration.ofSeconds(1), () -> false), 200);
		assertThat(this.lines.list).isEmpty();
	}

	@Test
	void everyFailureIsLoggedSampledOrNot() throws Exception {
		AccessLogFilter filter = filter(Duration.ofSeconds(1), () -> false);
		run(filter, 404);
		run(filter, 503);
		assertThat(messages()).containsExactly("GET /books 404", "GET /books 503");
	}

	@Test
	void anExceptionLeavingTheChainIsLoggedAs500() {
		AccessLogFilter filter = filter(Duration.ofSeconds(1), () -> false);
		MockFilterChain failing = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response)
					throws ServletException {
				throw new ServletException("boom");
			}
		});
		assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/books"),
				new MockHttpServletResponse(), failing))
			.isInstanceOf(ServletException.class);
		assertThat(messages()).containsExactly("GET /books 500");
	}

	@Test
	void sampledAndSlowRequestsAreLogged() throws Exception {
		run(filter(Duration.ofSeconds(1), () -> true), 200);
		run(filter(Duration.ZERO, () -> false), 204);
		assertThat(messages()).containsExactly("GET /books 200", "GET /books 204");
	}

	@Test
	void theRestIsThereAtDebug() throws Exception {
		this.logger.setLevel(Level.DEBUG);
		run(filter(Duration.ofSeconds(1), () -> false), 200);
		assertThat(this.lines.list).singleElement().satisfies((line) -> {
			assertThat(line.getLevel()).isEqualTo(Level.DEBUG);
			assertThat(line.getFormattedMessage()).startsWith("GET /books 200 ");
		});
	}

	private List<String> messages() {
		return this.lines.list.stream()
			.peek((line) -> assertThat(line.getLevel()).isEqualTo(Level.INFO))
			.map((line) -> line.getFormattedMessage().replaceAll(" \\d+ms$", ""))
			.toList();
	}

	private static AccessLogFilter filter(Duration slow, BooleanSupplier sampled) {
		return new AccessLogFilter(slow, sampled);
	}

	private static void run(AccessLogFilter filter, int status) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/books"), response,
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest request,
							HttpServletResponse answer) {
						answer.setStatus(status);
					}
				}));
	}

}
