package io.authorworks.e2e;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in a real browser: opens AuthorWorks, signs up, confirms the email from the
 * mail, signs in and sees their profile, all through the gateway's origin.
 */
class BrowserSignUpIT {

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
	void signUpConfirmSignInAndSeeTheProfile() {
		Accounts.Account account = Accounts.unique("iris");
		WebDriverWait wait = new WebDriverWait(this.chrome, Duration.ofSeconds(20));

		this.chrome.get(this.platform.publicUrl() + "/");
		// The home page is the web app: its links appear once it has started.
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign up"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
		this.chrome.findElement(By.id("email")).sendKeys(account.email());
		this.chrome.findElement(By.id("username")).sendKeys(account.username());
		this.chrome.findElement(By.id("displayName")).sendKeys("Iris Murdoch");
		this.chrome.findElement(By.id("password")).sendKeys(account.password());
		Chromium.screenshot(this.chrome, "sign-up");
		this.chrome.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));

		String link = this.platform.linkMailedTo(account.email(), "Confirm your email for AuthorWorks");
		assertThat(link).startsWith(this.platform.publicUrl() + "/verify-email?token=");
		this.chrome.get(link);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your email is confirmed"));
		this.chrome.findElement(By.linkText("Sign in to AuthorWorks")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
		assertThat(this.chrome.getCurrentUrl()).startsWith(this.platform.publicUrl() + "/login");
		this.chrome.findElement(By.id("login")).sendKeys(account.email());
		this.chrome.findElement(By.id("password")).sendKeys(account.password());
		Chromium.screenshot(this.chrome, "sign-in");
		this.chrome.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until((driver) -> driver.getCurrentUrl().equals(this.platform.publicUrl() + "/"));

		this.chrome.get(this.platform.publicUrl() + "/bff/session");
		String session = this.chrome.findElement(By.tagName("body")).getText();
		assertThat(session).contains("\"authenticated\":true").contains(account.username()).doesNotContain("eyJ");

		this.chrome.get(this.platform.publicUrl() + "/api/users/me");
		String me = this.chrome.findElement(By.tagName("body")).getText();
		assertThat(me).contains("\"username\":\"" + account.username() + "\"").contains("Iris Murdoch");
		Chromium.screenshot(this.chrome, "profile");

		assertThat(this.chrome.manage().getCookieNamed("AW_SESSION").isHttpOnly()).isTrue();
	}

}
