package io.authorworks.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.jspecify.annotations.Nullable;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium driven through its own chromedriver, with the flags that keep
 * it off the network on our machines.
 */
final class Chromium {

	private Chromium() {
	}

	static ChromeDriver start() {
		return start(null);
	}

	/** A browser that saves downloads into {@code downloads} without asking. */
	static ChromeDriver start(@Nullable Path downloads) {
		return start(downloads, List.of());
	}

	/**
	 * A browser with more flags, such as {@code --ignore-certificate-errors} for the
	 * edge's self-signed certificate in tests.
	 */
	static ChromeDriver start(@Nullable Path downloads, List<String> moreArguments) {
		Path binary = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
		Path driver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
		if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
			throw new IllegalStateException("Chromium and chromedriver are needed for browser tests "
					+ "(Debian packages chromium and chromium-driver; .ci/run installs them)");
		}
		try {
			Path profile = Files.createTempDirectory("authorworks-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(binary.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
					"--window-size=1280,900", "--user-data-dir=" + profile);
			options.addArguments(moreArguments);
			// The page's console, so a test can check that nothing went wrong in it.
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			if (downloads != null) {
				options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
						"download.prompt_for_download", false, "safebrowsing.enabled", false));
			}
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver chrome = new ChromeDriver(service, options);
			chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return chrome;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the page wrote to its console at SEVERE level (errors) since the last call.
	 */
	static List<String> consoleErrors(ChromeDriver chrome) {
		return chrome.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	static void screenshot(ChromeDriver chrome, String name) {
		try {
			File shot = ((TakesScreenshot) chrome).getScreenshotAs(OutputType.FILE);
			Path target = Path.of("target", "screenshots");
			Files.createDirectories(target);
			Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
