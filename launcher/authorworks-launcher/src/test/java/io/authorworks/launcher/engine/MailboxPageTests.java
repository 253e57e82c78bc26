package io.authorworks.launcher.engine;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxPageTests {

	@Test
	void messagesAreListedInTheGivenOrderWithEverythingEscaped() {
		ReceivedMail older = new ReceivedMail("a@x", List.of("b@x"), "first", "hello", Instant.EPOCH);
		ReceivedMail newer = new ReceivedMail("\"Eve\" <e@x>", List.of("b@x"), "<script>alert(1)</script>",
				"click http://localhost:8080/reset?t=1&u=\"2\" now.", Instant.EPOCH.plusSeconds(60));
		String html = MailboxPage.render(List.of(newer, older));
		assertThat(html.indexOf("&lt;script&gt;")).isLessThan(html.indexOf("first"));
		assertThat(html).doesNotContain("<script>")
			.contains("&quot;Eve&quot; &lt;e@x&gt;")
			.contains("<a href=\"http://localhost:8080/reset?t=1&amp;u=\" rel=\"noreferrer\">");
	}

	@Test
	void theFirstLinkIsTheOneAPersonWouldFollow() {
		ReceivedMail mail = new ReceivedMail("a@x", List.of("b@x"), "Verify",
				"Open https://authorworks.test/verify?token=abc. Or ignore http://other.test", Instant.EPOCH);
		assertThat(mail.firstLink()).hasValue("https://authorworks.test/verify?token=abc");
		assertThat(mail.links()).hasSize(2);
	}

	@Test
	void anEmptyMailboxSaysSo() {
		assertThat(MailboxPage.render(List.of())).contains("No messages yet.");
	}

}
