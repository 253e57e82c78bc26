package io.authorworks.users.account;

import io.authorworks.users.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes and sends the mails that accounts need. Links point at the public origin, so
 * they work through the gateway.
 */
@Component
class AccountMail {

	private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

	private final JavaMailSender sender;

	private final IdentityProperties properties;

	AccountMail(JavaMailSender sender, IdentityProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	void sendVerification(String to, String displayName, String token) {
		String link = link("/verify-email", token);
		send(to, "Confirm your email for AuthorWorks", """
				Hello %s,

				Welcome to AuthorWorks. Confirm your email address to finish creating your account:

				%s

				The link works once and expires in 24 hours. If you did not sign up, ignore this mail.
				""".formatted(displayName, link));
	}

	void sendPasswordReset(String to, String displayName, String token) {
		String link = link("/password-reset/confirm", token);
		send(to, "Reset your AuthorWorks password", """
				Hello %s,

				Someone asked to reset the password of your AuthorWorks account. To choose a new one, open:

				%s

				The link works once and expires in one hour. If it was not you, ignore this mail: your
				password stays as it is.
				""".formatted(displayName, link));
	}

	private String link(String path, String token) {
		return UriComponentsBuilder.fromUri(this.properties.publicUrl())
			.path(path)
			.queryParam("token", token)
			.build()
			.toUriString();
	}

	private void send(String to, String subject, String text) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.mailFrom());
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		try {
			this.sender.send(message);
		}
		catch (MailException ex) {
			// The account change is committed; the person can ask for the mail again.
			log.warn("Could not send '{}' mail: {}", subject, ex.getMessage());
		}
	}

}
