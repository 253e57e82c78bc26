package io.authorworks.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

	@RegisterExtension
	final Browser browser = new Browser(this.platform);

	@Test
	void signUpConfirmSignInAndSeeTheProfile() {
		Accounts.Account account = Accounts.unique("iris");
		ChromeDriver chrome = this.browser.chrome();
		WebDriverWait wait = this.browser.waiting();

		this.browser.open("/");
		// The home page is the web app: its links appear once it has started.
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign up"))).click();
		this.browser.fillSignUpForm(account, "Iris Murdoch");
		Chromium.screenshot(chrome, "sign-up");
		this.browser.submit();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Check your email"));

		String link = this.platform.linkMailedTo(account.email(), "Confirm your email for AuthorWorks");
		assertThat(link).startsWith(this.platform.publicUrl() + "/verify-email?token=");
		chrome.get(link);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your email is confirmed"));
		chrome.findElement(By.linkText("Sign in to AuthorWorks")).click();

		this.browser.fillSignInForm(account);
		assertThat(chrome.getCurrentUrl()).startsWith(this.platform.publicUrl() + "/login");
		Chromium.screenshot(chrome, "sign-in");
		this.browser.submit();
		wait.until((driver) -> driver.getCurrentUrl().equals(this.platform.publicUrl() + "/"));

		this.browser.open("/bff/session");
		String session = chrome.findElement(By.tagName("body")).getText();
		assertThat(session).contains("\"authenticated\":true").contains(account.username()).doesNotContain("eyJ");

		this.browser.open("/api/users/me");
		String me = chrome.findElement(By.tagName("body")).getText();
		assertThat(me).contains("\"username\":\"" + account.username() + "\"").contains("Iris Murdoch");
		Chromium.screenshot(chrome, "profile");

		assertThat(chrome.manage().getCookieNamed("AW_SESSION").isHttpOnly()).isTrue();
	}

}
