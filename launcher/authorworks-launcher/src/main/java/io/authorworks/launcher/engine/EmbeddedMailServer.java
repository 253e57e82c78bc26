package io.authorworks.launcher.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import io.authorworks.launcher.LauncherException;

/**
 * An SMTP server (GreenMail) that accepts every message, plus a web page listing what
 * arrived, so sign-up and password-reset mails can be followed without a real mail
 * provider.
 */
public final class EmbeddedMailServer implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(300);

	private final GreenMail greenMail;

	private final HttpServer page;

	private final int smtpPort;

	private final List<ReceivedMail> received = new CopyOnWriteArrayList<>();

	private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();

	private final Thread watcher;

	private EmbeddedMailServer(GreenMail greenMail, HttpServer page, int smtpPort, Consumer<ReceivedMail> onArrival) {
		this.greenMail = greenMail;
		this.page = page;
		this.smtpPort = smtpPort;
		this.watcher = Thread.ofVirtual().name("mail-watcher").start(() -> watch(onArrival));
	}

	/**
	 * Starts SMTP on {@code smtpPort} and the mailbox page on {@code pagePort}, both on
	 * loopback; {@code onArrival} hears of every new message.
	 */
	public static EmbeddedMailServer start(int smtpPort, int pagePort, Consumer<ReceivedMail> onArrival) {
		Ports.requireFree(smtpPort, "SMTP");
		Ports.requireFree(pagePort, "mailbox page");
		GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		HttpServer page;
		try {
			greenMail.start();
			page = HttpServer.create(new InetSocketAddress("127.0.0.1", pagePort), 16);
		}
		catch (IOException | RuntimeException ex) {
			greenMail.stop();
			throw new LauncherException("the mail server did not start: " + ex.getMessage(), ex);
		}
		EmbeddedMailServer server = new EmbeddedMailServer(greenMail, page, smtpPort, onArrival);
		server.hearDeliveries();
		page.createContext("/", server::servePage);
		page.setExecutor(null);
		page.start();
		return server;
	}

	public int smtpPort() {
		return this.smtpPort;
	}

	/** The mailbox page, e.g. {@code http://localhost:8025}. */
	public String pageUrl() {
		return "http://localhost:" + this.page.getAddress().getPort();
	}

	/** Every message received so far, newest first. */
	public List<ReceivedMail> messages() {
		List<ReceivedMail> copy = new ArrayList<>(this.received);
		return copy.reversed();
	}

	/**
	 * Waits for the newest message matching {@code filter}; end-to-end tests use this to
	 * pick up a verification link.
	 */
	public ReceivedMail await(Predicate<ReceivedMail> filter, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			for (ReceivedMail mail : messages()) {
				if (filter.test(mail)) {
					return mail;
				}
			}
			Thread.sleep(POLL);
		}
		throw new IllegalStateException("no matching e-mail arrived within " + timeout);
	}

	/**
	 * Hears of each message as GreenMail delivers it, once per message however many
	 * recipients it has. Reading GreenMail's store instead loses mail: it lists messages
	 * mailbox by mailbox, so a new message to an address that already had mail lands
	 * among the older ones rather than at the end.
	 */
	private void hearDeliveries() {
		UserManager users = this.greenMail.getUserManager();
		MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
		Set<MovingMessage> heard = Collections.newSetFromMap(new WeakHashMap<>());
		users.setMessageDeliveryHandler((message, recipient) -> {
			GreenMailUser user = deliver.handle(message, recipient);
			boolean first;
			synchronized (heard) {
				first = heard.add(message);
			}
			if (first) {
				this.arrivals.add(new Arrival(message.getMessage(), Instant.now()));
			}
			return user;
		});
	}

	private void watch(Consumer<ReceivedMail> onArrival) {
		while (!Thread.currentThread().isInterrupted()) {
			Arrival arrival;
			try {
				arrival = this.arrivals.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			try {
				ReceivedMail mail = toMail(arrival.message(), arrival.at());
				this.received.add(mail);
				onArrival.accept(mail);
			}
			catch (RuntimeException ex) {
				// A message that cannot be read must not stop the mailbox.
			}
		}
	}

	private record Arrival(MimeMessage message, Instant at) {
	}

	private void servePage(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			if (!"/".equals(exchange.getRequestURI().getPath())) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] body = MailboxPage.render(messages()).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.getResponseHeaders()
				.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
			exchange.getResponseHeaders().set("Cache-Control", "no-store");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	static ReceivedMail toMail(MimeMessage message, Instant received) {
		try {
			return new ReceivedMail(addresses(message.getFrom()), recipients(message),
					(message.getSubject() != null) ? message.getSubject() : "", text(message), received);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("unreadable message: " + ex.getMessage(), ex);
		}
	}

	private static List<String> recipients(MimeMessage message) throws MessagingException {
		Address[] all = message.getAllRecipients();
		return (all != null) ? Arrays.stream(all).map(Address::toString).toList() : List.of();
	}

	private static String addresses(Address[] addresses) {
		return (addresses != null) ? String.join(", ", Arrays.stream(addresses).map(Address::toString).toList()) : "";
	}

	/** The best plain text of a part: text/plain first, else HTML without its tags. */
	private static String text(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("text/html")) {
			return htmlToText(String.valueOf(part.getContent()));
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			String fallback = "";
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				if (body.isMimeType("text/plain")) {
					return text(body);
				}
				if (fallback.isEmpty()) {
					fallback = text(body);
				}
			}
			return fallback;
		}
		return "";
	}

	private static String htmlToText(String html) {
		// Links live in href attributes; keep them visible before the tags go.
		String withLinks = html.replaceAll("(?i)<a\\s[^>]*href=\"([^\"]*)\"[^>]*>", " $1 ");
		return withLinks.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
			.replaceAll("(?i)<br\\s*/?>|</p>", "\n")
			.replaceAll("<[^>]+>", "")
			.replace("&amp;", "&")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.strip();
	}

	@Override
	public void close() {
		this.watcher.interrupt();
		try {
			this.page.stop(0);
		}
		finally {
			this.greenMail.stop();
		}
	}

}
