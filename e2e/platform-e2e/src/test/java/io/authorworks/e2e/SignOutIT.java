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
 * Signing out in a real browser ends on the home page, signed out, also when the sign-in
 * service's own session has already ended (it expired, or the browser dropped its cookie)
 * while the app's session was still open.
 */
class SignOutIT {

	private static final String SIGN_IN_PAGES_COOKIE = "AW_IDP_SESSION";

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
	void signingOutAfterTheSignInSessionEndedStillGoesHome() {
		Accounts.Account account = Accounts.signUpAndVerify(this.platform, "Sol");
		WebDriverWait wait = new WebDriverWait(this.chrome, Duration.ofSeconds(30));
		wait.withMessage(() -> "the page at " + this.chrome.getCurrentUrl() + " showed: "
				+ this.chrome.findElement(By.tagName("body")).getText());

		for (boolean signInSessionEnded : new boolean[] { false, true }) {
			signIn(account, wait);
			if (signInSessionEnded) {
				assertThat(this.chrome.manage().getCookieNamed(SIGN_IN_PAGES_COOKIE)).isNotNull();
				this.chrome.manage().deleteCookieNamed(SIGN_IN_PAGES_COOKIE);
			}
			wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Sign out']")));
			// A mark on this page: it is gone once the browser has loaded another, which
			// it does at the end of signing out, after the sign-in service's logout.
			this.chrome.executeScript("window.beforeSignOut = true");
			this.chrome.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
			wait.until((driver) -> Boolean.TRUE.equals(this.chrome
				.executeScript("return window.beforeSignOut === undefined && document.readyState === 'complete'")));
			wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in")));
			assertThat(this.chrome.getCurrentUrl()).as("signed out, sign-in session ended: %s", signInSessionEnded)
				.isEqualTo(this.platform.publicUrl() + "/");
			this.chrome.get(this.platform.publicUrl() + "/bff/session");
			assertThat(this.chrome.findElement(By.tagName("body")).getText()).contains("\"authenticated\":false");
		}
	}

	private void signIn(Accounts.Account account, WebDriverWait wait) {
		this.chrome.get(this.platform.publicUrl() + "/");
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login"))).sendKeys(account.email());
		this.chrome.findElement(By.id("password")).sendKeys(account.password());
		this.chrome.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your books"));
	}

}
