package io.authorworks.platform.web;

import java.util.regex.Pattern;

import io.authorworks.platform.core.ProblemException;
import io.authorworks.platform.core.ProblemType;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventStreamTests {

	private static final Pattern IDS = Pattern.compile("\\d+-\\d+");

	@Test
	void theStreamIsNeitherCachedNorBufferedAndStartsAtOnce() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		EventStream.open(response);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/event-stream;charset=UTF-8");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
		assertThat(response.getHeader("X-Accel-Buffering")).isEqualTo("no");
		assertThat(response.isCommitted()).isTrue();
	}

	@Test
	void eventsAreFramedWithEveryDataLineOnItsOwn() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		EventStream stream = EventStream.open(response);

		stream.send("1-0", "delta", "{\"text\":\"é\"}");
		stream.keepAlive();
		stream.send("2-0", "note", "first\nsecond");
		stream.flush();

		assertThat(response.getContentAsString()).isEqualTo("""
				id: 1-0
				event: delta
				data: {"text":"é"}

				:

				id: 2-0
				event: note
				data: first
				data: second

				""");
	}

	@Test
	void aClientResumesAfterTheIdItNames() {
		assertThat(EventStream.resumeAfter(null, IDS, "0-0", "1-0")).isEqualTo("0-0");
		assertThat(EventStream.resumeAfter("  ", IDS, "0-0", "1-0")).isEqualTo("0-0");
		assertThat(EventStream.resumeAfter(" 17-3 ", IDS, "0-0", "1-0")).isEqualTo("17-3");
	}

	@Test
	void anIdTheStreamCouldNotHaveSentIsABadRequest() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> EventStream.resumeAfter("$", IDS, "0-0", "1764201600000-0"))
			.satisfies((ex) -> {
				assertThat(ex.type()).isEqualTo(ProblemType.BAD_REQUEST);
				assertThat(ex.detail()).contains("Last-Event-ID", "1764201600000-0");
			});
	}

}
