package io.authorworks.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer adds a passkey in a real browser and signs in with it, through the gateway's
 * origin: Chromium's virtual authenticator stands in for the laptop's platform
 * authenticator (with user verification, like a fingerprint).
 */
class PasskeySignInIT {

	private final RunningPlatform platform = RunningPlatform.get();

	private ChromeDriver chrome;

	@BeforeEach
	void openBrowser() {
		this.chrome = Chromium.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.chrome != null) {
			this.chrome.quit();
		}
	}

	@Test
	void registerAPasskeySignOutAndSignInWithItAlone() {
		VirtualAuthenticator laptop = this.chrome.addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true)
					.setIsUserConsenting(true));
		WebDriverWait wait = new WebDriverWait(this.chrome, Duration.ofSeconds(30));
		wait.withMessage(this::pageMessages);
		Accounts.Account account = Accounts.unique("pia");

		signUpAndSignIn(account, wait);

		// Settings → Manage passkeys: the user-service's page, on the same origin.
		this.chrome.get(this.platform.publicUrl() + "/settings");
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Manage passkeys"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Passkeys"));
		assertThat(this.chrome.getCurrentUrl()).isEqualTo(this.platform.publicUrl() + "/account/passkeys");
		assertThat(this.chrome.findElement(By.id("no-passkeys")).getText()).contains("no passkeys yet");
		this.chrome.findElement(By.id("passkey-label")).sendKeys("This laptop");
		this.chrome.findElement(By.xpath("//button[normalize-space()='Add a passkey']")).click();
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Passkey added"));
		assertThat(this.chrome.findElement(By.cssSelector(".passkey-label")).getText()).isEqualTo("This laptop");
		assertThat(laptop.getCredentials()).as("the passkey lives on the authenticator").hasSize(1);
		Chromium.screenshot(this.chrome, "passkeys");

		// Sign out of the web app and of the sign-in service.
		this.chrome.get(this.platform.publicUrl() + "/");
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Sign out']"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in"))).click();

		// The sign-in page: the passkey alone, no password typed, lands on the dashboard.
		WebElement passkeyButton = wait.until(ExpectedConditions.elementToBeClickable(By.id("passkey-sign-in")));
		assertThat(this.chrome.getCurrentUrl()).startsWith(this.platform.publicUrl() + "/login");
		Chromium.screenshot(this.chrome, "sign-in-with-passkey");
		passkeyButton.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your books"));
		assertThat(this.chrome.getCurrentUrl()).startsWith(this.platform.publicUrl() + "/");

		this.chrome.get(this.platform.publicUrl() + "/api/users/me");
		assertThat(this.chrome.findElement(By.tagName("body")).getText())
			.contains("\"username\":\"" + account.username() + "\"");
		this.chrome.get(this.platform.publicUrl() + "/account/passkeys");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".passkey-label")));
		assertThat(this.chrome.findElement(By.id("passkey-list")).getText()).contains("last used");
	}

	private void signUpAndSignIn(Accounts.Account account, WebDriverWait wait) {
		this.chrome.get(this.platform.publicUrl() + "/");
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign up"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(account.email());
		this.chrome.findElement(By.id("username")).sendKeys(account.username());
		this.chrome.findElement(By.id("displayName")).sendKeys("Pia Passkey");
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
			List<String> messages = this.chrome.findElements(By.cssSelector("[role=alert], [role=status]"))
				.stream()
				.map(WebElement::getText)
				.filter((text) -> !text.isBlank())
				.toList();
			return "the page at " + this.chrome.getCurrentUrl() + " said " + messages + "; console "
					+ Chromium.consoleErrors(this.chrome);
		}
		catch (RuntimeException ex) {
			return "the page could not be read: " + ex;
		}
	}

}
