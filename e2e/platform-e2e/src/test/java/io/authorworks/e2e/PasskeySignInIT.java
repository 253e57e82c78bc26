package io.authorworks.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

	@RegisterExtension
	final Browser browser = new Browser(this.platform);

	@Test
	void registerAPasskeySignOutAndSignInWithItAlone() {
		ChromeDriver chrome = this.browser.chrome();
		VirtualAuthenticator laptop = chrome.addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true)
					.setIsUserConsenting(true));
		WebDriverWait wait = this.browser.waiting();
		Accounts.Account account = Accounts.unique("pia");

		this.browser.signUpAndSignIn(account, "Pia Passkey");

		// Settings → Manage passkeys: the user-service's page, on the same origin.
		this.browser.open("/settings");
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Manage passkeys"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Passkeys"));
		assertThat(chrome.getCurrentUrl()).isEqualTo(this.platform.publicUrl() + "/account/passkeys");
		assertThat(chrome.findElement(By.id("no-passkeys")).getText()).contains("no passkeys yet");
		chrome.findElement(By.id("passkey-label")).sendKeys("This laptop");
		chrome.findElement(By.xpath("//button[normalize-space()='Add a passkey']")).click();
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Passkey added"));
		assertThat(chrome.findElement(By.cssSelector(".passkey-label")).getText()).isEqualTo("This laptop");
		assertThat(laptop.getCredentials()).as("the passkey lives on the authenticator").hasSize(1);
		Chromium.screenshot(chrome, "passkeys");

		// Sign out of the web app and of the sign-in service.
		this.browser.open("/");
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Sign out']"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in"))).click();

		// The sign-in page: the passkey alone, no password typed, lands on the dashboard.
		WebElement passkeyButton = wait.until(ExpectedConditions.elementToBeClickable(By.id("passkey-sign-in")));
		assertThat(chrome.getCurrentUrl()).startsWith(this.platform.publicUrl() + "/login");
		Chromium.screenshot(chrome, "sign-in-with-passkey");
		passkeyButton.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your books"));
		assertThat(chrome.getCurrentUrl()).startsWith(this.platform.publicUrl() + "/");

		this.browser.open("/api/users/me");
		assertThat(chrome.findElement(By.tagName("body")).getText())
			.contains("\"username\":\"" + account.username() + "\"");
		this.browser.open("/account/passkeys");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".passkey-label")));
		assertThat(chrome.findElement(By.id("passkey-list")).getText()).contains("last used");
	}

}
