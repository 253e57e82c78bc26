package io.authorworks.bench.content;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.authorworks.launcher.engine.EmbeddedMailServer;
import io.authorworks.launcher.engine.ReceivedMail;
import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.OidcTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs writers up through the gateway as people would (the sign-up page, the link from
 * the mail, code + PKCE sign-in), and gives each a book with chapters.
 */
final class Writers {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** How many writers sign up at once (password hashing makes sign-up CPU-heavy). */
	private static final int PARALLEL_SIGN_UPS = 4;

	private final String publicUrl;

	private final String gatewayClientSecret;

	private final EmbeddedMailServer mail;

	private final Options options;

	private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

	Writers(String publicUrl, String gatewayClientSecret, EmbeddedMailServer mail, Options options) {
		this.publicUrl = publicUrl;
		this.gatewayClientSecret = gatewayClientSecret;
		this.mail = mail;
		this.options = options;
	}

	/** A signed-in writer. */
	static final class Writer {

		final int index;

		final String username;

		final String address;

		final OidcTestClient oidc;

		volatile String accessToken;

		volatile String refreshToken;

		volatile Instant signedInAt;

		Writer(int index, String username, String address, OidcTestClient oidc, JsonNode tokens) {
			this.index = index;
			this.username = username;
			this.address = address;
			this.oidc = oidc;
			this.accessToken = tokens.get("access_token").asString();
			this.refreshToken = tokens.get("refresh_token").asString();
			this.signedInAt = Instant.now();
		}

		/** Refreshes the access token when it is older than {@code age}. */
		void refreshIfOlderThan(Duration age) {
			if (Duration.between(this.signedInAt, Instant.now()).compareTo(age) < 0) {
				return;
			}
			OidcTestClient.Response response = this.oidc.refresh(this.refreshToken);
			if (response.status() != 200) {
				throw new IllegalStateException("refresh for " + this.username + " answered " + response.status());
			}
			this.accessToken = response.body().get("access_token").asString();
			if (response.body().has("refresh_token")) {
				this.refreshToken = response.body().get("refresh_token").asString();
			}
			this.signedInAt = Instant.now();
		}

	}

	/** The version and text a client last saw of a chapter. */
	record Snapshot(String etag, String content) {
	}

	/** A chapter and what its owner's client last saw of it. */
	record ChapterRef(Writer writer, UUID bookId, UUID chapterId, AtomicReference<Snapshot> seen) {

		String path() {
			return "/content/books/" + this.bookId + "/chapters/" + this.chapterId;
		}

	}

	/** Signs up every writer and writes their books; answers every chapter. */
	List<ChapterRef> prepare() throws Exception {
		List<ChapterRef> chapters = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_SIGN_UPS)) {
			List<Future<List<ChapterRef>>> books = new ArrayList<>();
			for (int i = 0; i < this.options.writers(); i++) {
				int index = i;
				books.add(pool.submit(() -> writeBook(signUp(index))));
			}
			for (Future<List<ChapterRef>> book : books) {
				chapters.addAll(book.get(5, TimeUnit.MINUTES));
			}
		}
		return chapters;
	}

	/**
	 * The i-th address of the documentation ranges of RFC 5737 (192.0.2.0/24,
	 * 198.51.100.0/24, 203.0.113.0/24): never a real peer, and one per writer, so each
	 * has its own sign-in budget at the gateway.
	 */
	static String testNetAddress(int i) {
		String[] nets = { "198.51.100.", "203.0.113.", "192.0.2." };
		return nets[i / 254] + (1 + i % 254);
	}

	private Writer signUp(int index) throws Exception {
		String username = ("bench" + this.runId + "w" + index);
		String email = username + "@example.test";
		String password = "correct horse battery staple " + index;
		String address = testNetAddress(index);
		FormBrowser browser = new FormBrowser(this.publicUrl).with("X-Forwarded-For", address);
		HttpResponse<String> created = browser.submit("/signup", "/signup", Map.of("email", email, "username", username,
				"displayName", "Writer " + index, "password", password, "writer", "true"));
		if (!created.body().contains("Check your email")) {
			throw new IllegalStateException(
					"sign-up of " + username + " answered " + created.statusCode() + ": " + abbreviate(created.body()));
		}
		ReceivedMail confirmation = this.mail.await(
				(m) -> m.to().contains(email) && m.subject().equals("Confirm your email for AuthorWorks"),
				Duration.ofSeconds(60));
		HttpResponse<String> verified = browser.get(confirmation.firstLink().orElseThrow());
		if (!verified.body().contains("Your email is confirmed")) {
			throw new IllegalStateException("confirming " + email + " answered " + verified.statusCode());
		}
		OidcTestClient oidc = new OidcTestClient(this.publicUrl, "authorworks-web", this.gatewayClientSecret,
				this.publicUrl + "/bff/oauth2/callback/authorworks")
			.with("X-Forwarded-For", address);
		JsonNode tokens = oidc.signIn(browser, username, password);
		return new Writer(index, username, address, oidc, tokens);
	}

	private List<ChapterRef> writeBook(Writer writer) {
		Prose prose = new Prose(this.options.seed() + writer.index);
		HttpResponse<String> book = writer.oidc.api("POST", "/api/content/books", writer.accessToken,
				JSON.writeValueAsString(Map.of("title", "The Tide Book " + writer.index, "description",
						"A benchmark book: " + this.options.chaptersPerBook() + " chapters of made-up prose.")));
		expect(book, 201, "creating a book");
		UUID bookId = UUID.fromString(JSON.readTree(book.body()).get("id").asString());
		List<ChapterRef> chapters = new ArrayList<>();
		java.util.SplittableRandom sizes = new java.util.SplittableRandom(this.options.seed() * 31 + writer.index);
		for (int c = 1; c <= this.options.chaptersPerBook(); c++) {
			int words = this.options.minWords() + sizes.nextInt(this.options.maxWords() - this.options.minWords() + 1);
			String content = prose.chapter(words);
			HttpResponse<String> chapter = writer.oidc.api("POST", "/api/content/books/" + bookId + "/chapters",
					writer.accessToken, JSON.writeValueAsString(Map.of("title", "Chapter " + c, "content", content)));
			expect(chapter, 201, "adding a chapter");
			UUID chapterId = UUID.fromString(JSON.readTree(chapter.body()).get("id").asString());
			String etag = chapter.headers().firstValue("ETag").orElseThrow();
			chapters.add(new ChapterRef(writer, bookId, chapterId, new AtomicReference<>(new Snapshot(etag, content))));
		}
		return chapters;
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
					+ abbreviate(response.body()) + " (" + URI.create(response.uri().toString()).getPath() + ")");
		}
	}

	static String abbreviate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "…";
	}

}
