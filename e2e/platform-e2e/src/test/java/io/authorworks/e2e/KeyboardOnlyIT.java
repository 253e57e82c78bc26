package io.authorworks.e2e;

import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main writer flow without a mouse: every step is keys sent to whatever has focus,
 * reaching each control by Tab, so a control that cannot be focused, or a focus order
 * that skips it, fails the test. Sign in, start a blank book, add a chapter, write in it,
 * expand a sentence with the AI panel, publish.
 */
class KeyboardOnlyIT {

	/** More Tab presses than any page here needs to reach a control. */
	private static final int MAX_TABS = 60;

	private final RunningPlatform platform = RunningPlatform.get();

	private ChromeDriver chrome;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.chrome = Chromium.start();
		this.wait = new WebDriverWait(this.chrome, Duration.ofSeconds(30));
	}

	@AfterEach
	void closeBrowser() {
		if (this.chrome != null) {
			this.chrome.quit();
		}
	}

	@Test
	void theMainWriterFlowNeedsNoMouse() {
		Accounts.Account account = Accounts.signUpAndVerify(this.platform, "kay");
		this.chrome.get(this.platform.publicUrl() + "/");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Sign in")));

		tabTo(link("Sign in"));
		keys(Keys.ENTER);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
		tabTo(id("login"));
		keys(account.email(), Keys.TAB, account.password(), Keys.ENTER);
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your books"));
		// The shelf loads after the heading; until then Tab would run past where the link
		// will be.
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Start a book")));

		tabTo(link("Start a book"));
		keys(Keys.ENTER);
		awaitPage("Start a book");
		tabTo(id("book-title"));
		keys("Tidewater", Keys.ENTER);
		awaitPage("Tidewater");

		tabTo(button("Add chapter"));
		keys(Keys.ENTER);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-chapter-title")));
		// The dialog put focus in its first field, with the suggested title selected so
		// that
		// typing replaces it.
		assertThat(focused().getDomAttribute("id")).isEqualTo("new-chapter-title");
		keys("The Ebb", Keys.ENTER);
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector(".editor-chapter-title"), "The Ebb"));

		tabTo((element) -> element.getDomAttribute("class") != null
				&& element.getDomAttribute("class").contains("cm-content"));
		keys("The water went out further than anyone remembered.");
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector(".save-status"), "Saved"));

		// Select the sentence and open the AI panel with its shortcut.
		chord(Keys.HOME, Keys.SHIFT);
		chord("e", Keys.CONTROL, Keys.SHIFT);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ai-panel")));
		assertThat(focused().getDomAttribute("id")).isEqualTo("ai-heading");
		// Arrow keys pick another operation in the radio group.
		tabTo((element) -> "ai-operation".equals(element.getDomAttribute("name")));
		keys(Keys.ARROW_DOWN);
		assertThat(focused().getDomProperty("value")).isEqualTo("expand");
		tabTo(button("Expand"));
		keys(Keys.ENTER);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//aside[@id='ai-panel']//button[normalize-space()='Replace selection']")));
		tabTo(button("Replace selection"));
		keys(Keys.ENTER);
		this.wait.until((driver) -> !driver.findElement(By.cssSelector(".cm-content"))
			.getText()
			.equals("The water went out further than anyone remembered."));
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector(".save-status"), "Saved"));

		// Publish is in the book's bar, before the editor: back up to it.
		shiftTabTo(button("Publish…"));
		keys(Keys.ENTER);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=include][value=all]")));
		tabTo((element) -> "include".equals(element.getDomAttribute("name")));
		// Arrow keys move between radio buttons in a group.
		keys(Keys.ARROW_DOWN);
		assertThat(focused().getDomProperty("value")).isEqualTo("all");
		keys(Keys.ENTER);
		this.wait.until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector("div[role=dialog] p[role=status]"), "is published"));
		Chromium.screenshot(this.chrome, "keyboard-published");
	}

	/**
	 * Waits for a page the app navigated to: its heading shows and has taken focus (the
	 * app moves focus there, so keyboard users start at the top of the new page).
	 */
	private void awaitPage(String heading) {
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), heading));
		this.wait.until((driver) -> "h1".equals(focused().getTagName()));
	}

	private void keys(CharSequence... keys) {
		new Actions(this.chrome).sendKeys(keys).perform();
	}

	/**
	 * A key pressed while modifiers are held down (Actions#sendKeys would press and
	 * release each modifier before the key).
	 */
	private void chord(CharSequence key, Keys... modifiers) {
		Actions actions = new Actions(this.chrome);
		for (Keys modifier : modifiers) {
			actions = actions.keyDown(modifier);
		}
		actions = actions.sendKeys(key);
		for (Keys modifier : modifiers) {
			actions = actions.keyUp(modifier);
		}
		actions.perform();
	}

	private WebElement focused() {
		return this.chrome.switchTo().activeElement();
	}

	/** Presses Tab until the focused element is the one wanted. */
	private void tabTo(Predicate<WebElement> wanted) {
		press(() -> keys(Keys.TAB), wanted);
	}

	/** Presses Shift+Tab until the focused element is the one wanted. */
	private void shiftTabTo(Predicate<WebElement> wanted) {
		press(() -> chord(Keys.TAB, Keys.SHIFT), wanted);
	}

	private void press(Runnable key, Predicate<WebElement> wanted) {
		for (int presses = 0; presses < MAX_TABS; presses++) {
			if (wanted.test(focused())) {
				return;
			}
			key.run();
		}
		throw new AssertionError("Tab never reached the control on " + this.chrome.getCurrentUrl() + "; focus ended on "
				+ focused().getTagName() + " '" + focused().getText() + "'");
	}

	private static Predicate<WebElement> link(String text) {
		return (element) -> "a".equals(element.getTagName()) && element.getText().strip().equals(text);
	}

	private static Predicate<WebElement> button(String text) {
		return (element) -> "button".equals(element.getTagName()) && element.getText().strip().equals(text);
	}

	private static Predicate<WebElement> id(String id) {
		return (element) -> id.equals(element.getDomAttribute("id"));
	}

}
