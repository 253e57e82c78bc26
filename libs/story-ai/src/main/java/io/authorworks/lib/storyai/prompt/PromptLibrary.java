package io.authorworks.lib.storyai.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.authorworks.lib.storyai.Step;

/**
 * The prompt templates of one version, read from
 * {@code io/authorworks/lib/storyai/prompts/v<N>/<step>.prompt} on the classpath. A
 * template file has a {@code --- system} section and a {@code --- user} section. Changing
 * a prompt's meaning means adding a new version, so generations stay traceable to the
 * exact words that produced them.
 */
public final class PromptLibrary {

	/**
	 * The version new generations use. Version 2 states how long the answers of the
	 * bible, synopsis, outline, chapter-plan and chapter-summary steps should be (how
	 * many entries, how many words per field), so those answers, and the quotes made
	 * before them, are predictable.
	 */
	public static final int CURRENT_VERSION = 2;

	private final Map<Step, PromptTemplate> templates = new EnumMap<>(Step.class);

	private final int version;

	private PromptLibrary(int version) {
		this.version = version;
		for (Step step : Step.values()) {
			this.templates.put(step, read(step, version));
		}
	}

	public static PromptLibrary current() {
		return load(CURRENT_VERSION);
	}

	public static PromptLibrary load(int version) {
		return new PromptLibrary(version);
	}

	public int version() {
		return this.version;
	}

	public PromptTemplate template(Step step) {
		// The constructor reads a template for every step.
		return Objects.requireNonNull(this.templates.get(step));
	}

	private static PromptTemplate read(Step step, int version) {
		String path = "prompts/v" + version + "/" + step.key() + ".prompt";
		try (InputStream in = PromptLibrary.class.getResourceAsStream("/io/authorworks/lib/storyai/" + path)) {
			if (in == null) {
				throw new IllegalStateException("Missing prompt template " + path);
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int system = text.indexOf("--- system\n");
			int user = text.indexOf("--- user\n");
			if (system < 0 || user < system) {
				throw new IllegalStateException(path + " needs a '--- system' then a '--- user' section");
			}
			return new PromptTemplate(step, version, text.substring(system + 11, user).strip(),
					text.substring(user + 9).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
