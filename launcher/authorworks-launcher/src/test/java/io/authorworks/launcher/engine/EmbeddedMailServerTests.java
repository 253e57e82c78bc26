package io.authorworks.launcher.engine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedMailServerTests {

	@Test
	void everyMessageIsShownOnceInTheOrderItArrived() throws Exception {
		List<ReceivedMail> printed = new CopyOnWriteArrayList<>();
		try (EmbeddedMailServer server = EmbeddedMailServer.start(Ports.findFree(), Ports.findFree(), printed::add)) {
			// A second message to an address that already has mail is the case that
			// was lost: it sits among the older ones in GreenMail's store.
			send(server, "Confirm your email", "ada@example.test");
			send(server, "Confirm your email", "bob@example.test");
			send(server, "Reset your password", "ada@example.test");
			send(server, "Confirm your email again", "bob@example.test");
			send(server, "Welcome to the team", "cy@example.test", "dee@example.test");
			send(server, "Reset your password again", "ada@example.test");

			await().atMost(Duration.ofSeconds(10)).until(() -> printed.size() >= 6);
			// Past the old watcher's poll interval, so anything printed twice would show.
			Thread.sleep(1000);

			List<String> expected = List.of("Confirm your email -> ada@example.test",
					"Confirm your email -> bob@example.test", "Reset your password -> ada@example.test",
					"Confirm your email again -> bob@example.test",
					"Welcome to the team -> cy@example.test, dee@example.test",
					"Reset your password again -> ada@example.test");
			assertThat(printed).extracting(EmbeddedMailServerTests::describe).containsExactlyElementsOf(expected);
			assertThat(server.messages()).extracting(EmbeddedMailServerTests::describe)
				.containsExactlyElementsOf(expected.reversed());
			assertThat(printed.get(2).text()).contains("Reset your password for ada@example.test");

			HttpResponse<String> page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(server.pageUrl())).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(page.body()).containsSubsequence("Reset your password again", "Welcome to the team",
					"Confirm your email again", "Reset your password", "Confirm your email", "Confirm your email");
		}
	}

	private static void send(EmbeddedMailServer server, String subject, String... to) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", Integer.toString(server.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("no-reply@authorworks.test"));
		for (String recipient : to) {
			message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
		}
		message.setSubject(subject);
		message.setText(subject + " for " + String.join(", ", to));
		Transport.send(message);
	}

	private static String describe(ReceivedMail mail) {
		return mail.subject() + " -> " + String.join(", ", mail.to());
	}

}
