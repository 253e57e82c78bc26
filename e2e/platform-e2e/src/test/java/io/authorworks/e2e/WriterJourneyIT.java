package io.authorworks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A writer's whole first session in a real browser against the running platform, with the
 * offline AI provider: sign up, confirm the email, start a book from a premise and watch
 * it being written, expand a passage with the AI panel, edit, reload, restore a revision,
 * export an EPUB, publish, read it signed out, sign out. Screenshots of the dashboard,
 * the workspace with the AI panel, the bible and the reading view land in
 * {@code target/screenshots}.
 */
class WriterJourneyIT {

	private static final Pattern CHAPTER_URL = Pattern.compile("/books/([0-9a-f-]{36})/chapters/([0-9a-f-]{36})$");

	private static final String EDIT = "The fog lifted at noon.";

	/** A common phone's viewport. */
	private static final Dimension PHONE = new Dimension(390, 844);

	private final RunningPlatform platform = RunningPlatform.get();

	private ChromeDriver chrome;

	private ChromeDriver reader;

	private Path downloads;

	@BeforeEach
	void openBrowser() throws IOException {
		this.downloads = Files.createTempDirectory("authorworks-downloads-");
		this.chrome = Chromium.start(this.downloads);
	}

	@AfterEach
	void closeBrowsers() {
		for (ChromeDriver browser : new ChromeDriver[] { this.chrome, this.reader }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void aWriterGoesFromPremiseToPublishedBook() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.chrome, Duration.ofSeconds(30));
		// A wait that times out says what the page told the writer (errors, field hints).
		wait.withMessage(this::pageMessages);
		Accounts.Account account = Accounts.unique("mira");
		signUpAndSignIn(account, wait);

		// A book from a premise: the quote first, then live progress until it is written.
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Start a book"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("premise-title"))).sendKeys("Gannet Rock");
		this.chrome.findElement(By.id("premise-text"))
			.sendKeys("A lighthouse keeper on a northern rock finds letters from her missing sister "
					+ "hidden in the lamp room, and must decide whether to follow them across the sea.");
		WebElement chapters = this.chrome.findElement(By.id("premise-chapters"));
		chapters.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
		WebElement words = this.chrome.findElement(By.id("premise-words"));
		words.sendKeys(Keys.chord(Keys.CONTROL, "a"), "400");
		button("See what it will cost").click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-heading"), "Before anything runs"));
		button("Generate the book").click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-step")));
		assertThat(this.chrome.findElement(By.cssSelector(".job-progress progress")).isDisplayed()).isTrue();
		new WebDriverWait(this.chrome, Duration.ofSeconds(120))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-heading"), "Your book is ready"));
		assertThat(this.chrome.findElement(By.id("job-step")).getText()).matches("\\d+ of \\d+ steps done\\.");

		// The dashboard shows it with its length.
		this.chrome.findElement(By.cssSelector("a.brand")).click();
		WebElement card = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//li[@class='book-card'][.//a[text()='Gannet Rock']]")));
		assertThat(card.getText()).containsPattern("[\\d,]+ words");
		Chromium.screenshot(this.chrome, "dashboard");

		// The outline became chapters; the first opens in the editor.
		card.findElement(By.linkText("Gannet Rock")).click();
		wait.until(ExpectedConditions.urlMatches(CHAPTER_URL.pattern()));
		List<WebElement> outline = wait
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".chapter-list .chapter-title"), 3));
		assertThat(outline).allSatisfy((title) -> assertThat(title.getText()).isNotBlank());
		Matcher ids = CHAPTER_URL.matcher(this.chrome.getCurrentUrl());
		assertThat(ids.find()).isTrue();
		String bookId = ids.group(1);
		WebElement editor = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cm-content")));
		String generated = editor.getText();
		assertThat(generated).isNotBlank();

		// The AI panel expands a selected passage; the answer streams in and goes in on
		// accept.
		editor.click();
		this.chrome.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
		this.chrome.switchTo()
			.activeElement()
			.sendKeys(Keys.chord(Keys.SHIFT, Keys.DOWN), Keys.chord(Keys.SHIFT, Keys.DOWN));
		button("AI assist").click();
		WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ai-panel")));
		assertThat(panel.getText()).containsPattern("Acting on your selection: [\\d,]+ words?");
		panel.findElement(By.xpath(".//label[normalize-space()='Expand']/input")).click();
		panel.findElement(By.xpath(".//button[normalize-space()='Expand']")).click();
		WebElement accept = wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//aside[@id='ai-panel']//button[normalize-space()='Replace selection']")));
		String answer = this.chrome.findElement(By.id("ai-output")).getDomProperty("value");
		Matcher selection = Pattern.compile("Acting on your selection: (\\d+) words").matcher(panel.getText());
		assertThat(selection.find()).isTrue();
		assertThat(answer.strip().split("\\s+")).hasSizeGreaterThan(Integer.parseInt(selection.group(1)));
		assertThat(panel.getText()).contains("Offline writer");
		this.chrome.executeScript("arguments[0].scrollIntoView({ block: 'nearest' })", accept);
		Chromium.screenshot(this.chrome, "workspace-ai-panel");
		accept.click();
		String chapterUrl = "/api/content/books/" + bookId + "/chapters/" + ids.group(2);
		awaitSaved(wait, chapterUrl, answer.strip());
		button("Hide AI").click();

		// An edit autosaves and survives a reload.
		editor = this.chrome.findElement(By.cssSelector(".cm-content"));
		editor.click();
		this.chrome.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), EDIT + " ");
		awaitSaved(wait, chapterUrl, EDIT);
		this.chrome.navigate().refresh();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".cm-content"), EDIT));

		// Restoring the generated revision takes the edit and the expansion back out.
		button("Revisions").click();
		WebElement first = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
				"//aside[@id='revisions-panel']//button[contains(@class,'revision')][starts-with(normalize-space(),'#1 ')]")));
		first.click();
		wait.until(
				ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Restore revision #1']")))
			.click();
		wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[@role='alertdialog' or @role='dialog']//button[normalize-space()='Restore']")))
			.click();
		wait.until((driver) -> {
			String text = driver.findElement(By.cssSelector(".cm-content")).getText();
			return !text.contains(EDIT) && text.startsWith(generated.substring(0, Math.min(40, generated.length())));
		});

		// The story bible the AI proposed, as cards.
		this.chrome.findElement(By.linkText("Story bible")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bible-story-heading")));
		WebElement people = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bible-collection li")));
		this.chrome.executeScript("arguments[0].scrollIntoView({ block: 'center' })", people);
		Chromium.screenshot(this.chrome, "bible");

		// Export an EPUB: a real download of a real EPUB.
		this.chrome.executeScript("window.scrollTo(0, 0)");
		this.chrome.findElement(By.xpath("//summary[normalize-space()='Export']")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("EPUB"))).click();
		Path epub = await().atMost(Duration.ofSeconds(30)).until(() -> downloaded(".epub"), (found) -> found != null);
		assertThat(firstEntry(epub)).isEqualTo("mimetype");
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(epub))) {
			zip.getNextEntry();
			assertThat(new String(zip.readAllBytes())).isEqualTo("application/epub+zip");
		}

		// Publish every chapter, publicly.
		button("Publish…").click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=include][value=all]"))).click();
		this.chrome.findElement(By.xpath("//div[@role='dialog']//button[@type='submit']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("div[role=dialog] p[role=status]"),
				"is published"));

		// A reader who is not signed in finds it and reads it.
		this.reader = Chromium.start();
		WebDriverWait readerWait = new WebDriverWait(this.reader, Duration.ofSeconds(30));
		this.reader.get(this.platform.publicUrl() + "/read");
		readerWait.until(ExpectedConditions.elementToBeClickable(By.linkText("Gannet Rock"))).click();
		readerWait.until(ExpectedConditions.elementToBeClickable(By.linkText("Start reading"))).click();
		readerWait.until(ExpectedConditions.urlMatches("/read/" + bookId + "/1$"));
		WebElement page = readerWait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.reading")));
		assertThat(page.getText()).contains(generated.substring(0, Math.min(40, generated.length())));
		assertThat(this.reader.findElements(By.xpath("//button[normalize-space()='Sign out']"))).isEmpty();
		Chromium.screenshot(this.reader, "reading-view");
		// At a phone's width the page fits without scrolling sideways.
		this.reader.manage().window().setSize(PHONE);
		this.reader.navigate().refresh();
		readerWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.reading")));
		assertThat(horizontalOverflow(this.reader)).isZero();
		Chromium.screenshot(this.reader, "reading-view-phone");

		assertThat(Chromium.consoleErrors(this.reader)).as("the reader's console").isEmpty();

		// The writer's pages fit a phone too.
		this.chrome.manage().window().setSize(PHONE);
		this.chrome.get(this.platform.publicUrl() + "/books/" + bookId);
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cm-content")));
		assertThat(horizontalOverflow(this.chrome)).isZero();
		Chromium.screenshot(this.chrome, "workspace-phone");
		this.chrome.manage().window().setSize(new Dimension(1280, 900));

		// The writer signs out; the session is gone.
		this.chrome.get(this.platform.publicUrl() + "/");
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Sign out']"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in")));
		this.chrome.get(this.platform.publicUrl() + "/bff/session");
		assertThat(this.chrome.findElement(By.tagName("body")).getText()).contains("\"authenticated\":false");
		assertThat(Chromium.consoleErrors(this.chrome)).as("the writer's console").isEmpty();
	}

	/** How far the page is wider than the window (0 when nothing sticks out sideways). */
	private static long horizontalOverflow(ChromeDriver browser) {
		return (Long) browser.executeScript(
				"return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");
	}

	private void signUpAndSignIn(Accounts.Account account, WebDriverWait wait) {
		this.chrome.get(this.platform.publicUrl() + "/");
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign up"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(account.email());
		this.chrome.findElement(By.id("username")).sendKeys(account.username());
		this.chrome.findElement(By.id("displayName")).sendKeys("Mira Keeper");
		this.chrome.findElement(By.id("password")).sendKeys(account.password());
		this.chrome.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));
		this.chrome.get(this.platform.linkMailedTo(account.email(), "Confirm your email for AuthorWorks"));
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in to AuthorWorks"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login"))).sendKeys(account.email());
		this.chrome.findElement(By.id("password")).sendKeys(account.password());
		this.chrome.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your books"));
	}

	private String pageMessages() {
		try {
			List<String> messages = this.chrome.findElements(By.cssSelector("[role=alert], .field-error"))
				.stream()
				.map(WebElement::getText)
				.filter((text) -> !text.isBlank())
				.toList();
			return "the page at " + this.chrome.getCurrentUrl() + " said " + messages;
		}
		catch (RuntimeException ex) {
			return "the page could not be read: " + ex;
		}
	}

	private WebElement button(String label) {
		return new WebDriverWait(this.chrome, Duration.ofSeconds(30))
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + label + "']")));
	}

	/**
	 * Waits until the server has the text (autosave waits for a pause in typing) and the
	 * indicator says so.
	 */
	private void awaitSaved(WebDriverWait wait, String chapterUrl, String expected) {
		wait.until((driver) -> serverText(chapterUrl).contains(expected));
		wait.until(ExpectedConditions.textToBe(By.cssSelector(".save-status"), "Saved"));
	}

	/** The chapter as the server has it, fetched by the page with the session cookie. */
	private String serverText(String chapterUrl) {
		Object text = this.chrome.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { headers: { Accept: 'application/json' } })
				  .then((r) => r.json()).then((c) => done(c.content ?? '')).catch((e) => done('failed: ' + e));
				""", chapterUrl);
		return String.valueOf(text);
	}

	private Path downloaded(String suffix) throws IOException {
		try (var files = Files.list(this.downloads)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
		}
	}

	private static String firstEntry(Path zip) throws IOException {
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			ZipEntry entry = in.getNextEntry();
			return (entry != null) ? entry.getName() : "";
		}
	}

}
