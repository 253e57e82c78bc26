package io.authorworks.e2e;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh Chromium for each test, on the platform's public address, and the steps a
 * person takes through the sign-up and sign-in pages, so that browser tests share one
 * idea of those pages. Register it as an instance {@code @RegisterExtension} field: it
 * starts the browser before each test and quits it after, whatever happened.
 */
final class Browser implements BeforeEachCallback, AfterEachCallback {

	private final RunningPlatform platform;

	private @Nullable ChromeDriver chrome;

	private @Nullable WebDriverWait wait;

	private final List<String> chromiumArguments;

	Browser(RunningPlatform platform) {
		this(platform, List.of());
	}

	/** A browser started with more Chromium flags. */
	Browser(RunningPlatform platform, List<String> chromiumArguments) {
		this.platform = platform;
		this.chromiumArguments = chromiumArguments;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ChromeDriver started = Chromium.start(null, this.chromiumArguments);
		this.chrome = started;
		WebDriverWait waiting = new WebDriverWait(started, Duration.ofSeconds(30));
		// A wait that times out says what the page told the person.
		waiting.withMessage(this::pageMessages);
		this.wait = waiting;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.chrome != null) {
			this.chrome.quit();
			this.chrome = null;
		}
	}

	/** The browser of the running test. */
	ChromeDriver chrome() {
		if (this.chrome == null) {
			throw new IllegalStateException("the browser runs only during a test");
		}
		return this.chrome;
	}

	/** Waits up to 30 seconds; a timeout says what the page showed. */
	WebDriverWait waiting() {
		if (this.wait == null) {
			throw new IllegalStateException("the browser runs only during a test");
		}
		return this.wait;
	}

	/** Opens a path of the platform's public address. */
	void open(String path) {
		chrome().get(this.platform.publicUrl() + path);
	}

	/** Fills the sign-up form, once it shows, without sending it. */
	void fillSignUpForm(Accounts.Account account, String displayName) {
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(account.email());
		chrome().findElement(By.id("username")).sendKeys(account.username());
		chrome().findElement(By.id("displayName")).sendKeys(displayName);
		chrome().findElement(By.id("password")).sendKeys(account.password());
	}

	/** Fills the sign-in form, once it shows, without sending it. */
	void fillSignInForm(Accounts.Account account) {
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login"))).sendKeys(account.email());
		chrome().findElement(By.id("password")).sendKeys(account.password());
	}

	/** Sends the form on the page. */
	void submit() {
		chrome().findElement(By.cssSelector("button[type=submit]")).click();
	}

	/**
	 * The whole way in for a new person: signs up from the home page, confirms the email
	 * from the mail, signs in from the confirmation page and waits for the dashboard.
	 */
	void signUpAndSignIn(Accounts.Account account, String displayName) {
		open("/");
		waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Sign up"))).click();
		fillSignUpForm(account, displayName);
		submit();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));
		chrome().get(this.platform.linkMailedTo(account.email(), "Confirm your email for AuthorWorks"));
		waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in to AuthorWorks"))).click();
		fillSignInForm(account);
		submit();
		waitForTheDashboard();
	}

	/** Signs in an existing account from the home page and waits for the dashboard. */
	void signIn(Accounts.Account account) {
		open("/");
		waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in"))).click();
		fillSignInForm(account);
		submit();
		waitForTheDashboard();
	}

	private void waitForTheDashboard() {
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your books"));
	}

	/**
	 * The page's address, what it said in alerts and status lines, and its console
	 * errors.
	 */
	private String pageMessages() {
		try {
			List<String> messages = chrome().findElements(By.cssSelector("[role=alert], [role=status]"))
				.stream()
				.map(WebElement::getText)
				.filter((text) -> !text.isBlank())
				.toList();
			return "the page at " + chrome().getCurrentUrl() + " said " + messages + "; console "
					+ Chromium.consoleErrors(chrome());
		}
		catch (RuntimeException ex) {
			return "the page could not be read: " + ex;
		}
	}

}
