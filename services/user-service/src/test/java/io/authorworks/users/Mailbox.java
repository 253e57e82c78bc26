package io.authorworks.users;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server for one test class, so a test reads the confirmation and reset links
 * from the mails the service actually sent. Register it as a static
 * {@code @RegisterExtension} field and point the service at it with
 * {@link #register(DynamicPropertyRegistry)} from a {@code @DynamicPropertySource}
 * method.
 */
final class Mailbox implements BeforeAllCallback, AfterAllCallback {

	private static final Pattern LINK = Pattern.compile("https?://\\S+[?&]token=([A-Za-z0-9_-]+)");

	private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	@Override
	public void beforeAll(ExtensionContext context) {
		this.mail.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.mail.stop();
	}

	void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> this.mail.getSmtp().getPort());
		registry.add("spring.mail.host", () -> "127.0.0.1");
	}

	/**
	 * The token in the link of the mail with this subject sent to {@code to}, waiting up
	 * to ten seconds for it to arrive.
	 */
	String tokenFromMail(String to, String subject) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			for (MimeMessage message : this.mail.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equals(to) && subject.equals(message.getSubject())) {
					Matcher matcher = LINK.matcher(GreenMailUtil.getBody(message));
					if (matcher.find()) {
						return matcher.group(1);
					}
				}
			}
			return null;
		}, Objects::nonNull);
	}

}
