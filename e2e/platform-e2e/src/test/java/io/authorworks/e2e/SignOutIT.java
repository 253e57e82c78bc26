package io.authorworks.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

	@RegisterExtension
	final Browser browser = new Browser(this.platform);

	@Test
	void signingOutAfterTheSignInSessionEndedStillGoesHome() {
		Accounts.Account account = Accounts.signUpAndVerify(this.platform, "Sol");
		ChromeDriver chrome = this.browser.chrome();
		WebDriverWait wait = this.browser.waiting();

		for (boolean signInSessionEnded : new boolean[] { false, true }) {
			this.browser.signIn(account);
			if (signInSessionEnded) {
				assertThat(chrome.manage().getCookieNamed(SIGN_IN_PAGES_COOKIE)).isNotNull();
				chrome.manage().deleteCookieNamed(SIGN_IN_PAGES_COOKIE);
			}
			wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Sign out']")));
			// A mark on this page: it is gone once the browser has loaded another, which
			// it does at the end of signing out, after the sign-in service's logout.
			chrome.executeScript("window.beforeSignOut = true");
			chrome.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
			wait.until((driver) -> Boolean.TRUE.equals(chrome
				.executeScript("return window.beforeSignOut === undefined && document.readyState === 'complete'")));
			wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in")));
			assertThat(chrome.getCurrentUrl()).as("signed out, sign-in session ended: %s", signInSessionEnded)
				.isEqualTo(this.platform.publicUrl() + "/");
			this.browser.open("/bff/session");
			assertThat(chrome.findElement(By.tagName("body")).getText()).contains("\"authenticated\":false");
		}
	}

}
