package io.authorworks.e2e;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.authorworks.platform.test.FormBrowser;
import io.authorworks.platform.test.OidcTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staying signed in past the access token's lifetime, and signing out for real, on a
 * platform of its own whose access tokens live 40 seconds (renewed 10 seconds before they
 * expire) behind two gateway replicas.
 */
class SessionLifetimeIT {

	private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(40);

	private static final Duration REUSE_INTERVAL = Duration.ofSeconds(5);

	private static RunningPlatform platform;

	@BeforeAll
	static void startPlatform() {
		platform = RunningPlatform
			.separate((builder) -> builder.deployables("user-service", "content-service", "api-gateway")
				.replicas("user-service", 1)
				.environment("ACCESS_TOKEN_TTL", TOKEN_LIFETIME.toSeconds() + "s")
				.environment("ACCESS_TOKEN_RENEW_BEFORE", "10s")
				.environment("REFRESH_TOKEN_REUSE_INTERVAL", REUSE_INTERVAL.toSeconds() + "s"));
	}

	@AfterAll
	static void stopPlatform() {
		if (platform != null) {
			platform.platform.close();
		}
	}

	@Test
	void parallelCallsAtExpiryOnBothGatewaysAllSucceedAndTheSessionSurvives() throws Exception {
		assertThat(platform.replicas("api-gateway")).hasSize(2);
		Accounts.Account ada = Accounts.signUpAndVerify(platform, "ada");
		FormBrowser browser = signedInBrowser(ada);
		String second = otherGateway();
		assertThat(browser.getJson(second + "/api/users/me").statusCode()).as("the session is shared").isEqualTo(200);

		Thread.sleep(TOKEN_LIFETIME.minusSeconds(9).toMillis());
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String origin = (i % 2 == 0) ? platform.publicUrl() : second;
				calls.add(pool.submit(() -> browser.getJson(origin + "/api/users/me")));
			}
			for (Future<HttpResponse<String>> call : calls) {
				HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(200);
			}
		}
		assertThat(browser.getJson("/bff/session").body()).contains("\"authenticated\":true");
		Thread.sleep(TOKEN_LIFETIME.toMillis());
		assertThat(browser.getJson(second + "/api/users/me").statusCode()).as("still signed in a lifetime later")
			.isEqualTo(200);
	}

	@Test
	void aRealReuseOfAnOldRefreshTokenAfterTheIntervalStillRevokesTheFamily() throws Exception {
		Accounts.Account bo = Accounts.signUpAndVerify(platform, "bo");
		OidcTestClient oidc = Accounts.oidc(platform);
		String first = oidc.signIn(Accounts.browser(platform), bo.email(), bo.password())
			.get("refresh_token")
			.asString();
		String second = oidc.refresh(first).body().get("refresh_token").asString();
		assertThat(oidc.refresh(first).status()).as("a retry within the interval is refused").isEqualTo(400);
		OidcTestClient.Response third = oidc.refresh(second);
		assertThat(third.status()).as("but the family lives on").isEqualTo(200);

		Thread.sleep(REUSE_INTERVAL.plusSeconds(1).toMillis());
		assertThat(oidc.refresh(second).status()).as("the token replaced last, after the interval").isEqualTo(400);
		assertThat(oidc.refresh(third.body().get("refresh_token").asString()).status()).as("revoked the family")
			.isEqualTo(400);
	}

	@Test
	void inChromiumAWriterStaysSignedInPastTheTokenLifetimeAndSignsOutEverywhere() throws Exception {
		Accounts.Account iris = Accounts.signUpAndVerify(platform, "iris");
		ChromeDriver laptop = Chromium.start();
		ChromeDriver phone = Chromium.start();
		try {
			signIn(laptop, iris);
			signIn(phone, iris);

			Thread.sleep(TOKEN_LIFETIME.plusSeconds(2).toMillis());
			WebDriverWait wait = new WebDriverWait(laptop, Duration.ofSeconds(30));
			laptop.findElement(By.linkText("Start a book")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("book-title"))).sendKeys("Long Afternoon");
			laptop.findElement(By.id("book-title")).submit();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Long Afternoon"));

			laptop.get(platform.publicUrl() + "/settings");
			wait.until(ExpectedConditions
				.elementToBeClickable(By.xpath("//button[normalize-space()='Sign out everywhere']"))).click();
			wait.until(ExpectedConditions.elementToBeClickable(
					By.xpath("//*[@role='alertdialog']//button[normalize-space()='Sign out everywhere']")))
				.click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")));

			phone.navigate().refresh();
			new WebDriverWait(phone, Duration.ofSeconds(30))
				.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")));
			assertThat(Chromium.consoleErrors(phone)).noneMatch((error) -> error.contains(" 500 "));
		}
		finally {
			laptop.quit();
			phone.quit();
		}
	}

	/** Signs in through the gateway as the web app does, with the gateway's session. */
	private static FormBrowser signedInBrowser(Accounts.Account account) {
		FormBrowser browser = Accounts.browser(platform);
		browser.follow(browser.get("/bff/login"));
		HttpResponse<String> signedIn = browser.follow(
				browser.submit("/login", "/login", Map.of("login", account.email(), "password", account.password())));
		assertThat(signedIn.statusCode()).as(signedIn.uri() + " " + signedIn.body()).isEqualTo(200);
		assertThat(browser.getJson("/bff/session").body()).contains("\"authenticated\":true");
		return browser;
	}

	/**
	 * The second gateway replica, on the same host name so the session cookie goes to it.
	 */
	private static String otherGateway() {
		URI second = platform.replicas("api-gateway").get(1);
		URI first = URI.create(platform.publicUrl());
		return first.getScheme() + "://" + first.getHost() + ":" + second.getPort();
	}

	private static void signIn(ChromeDriver chrome, Accounts.Account account) {
		WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(30));
		chrome.get(platform.publicUrl() + "/");
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Sign in"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login"))).sendKeys(account.email());
		chrome.findElement(By.id("password")).sendKeys(account.password());
		chrome.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your books"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Start a book")));
	}

}
