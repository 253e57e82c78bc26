package io.authorworks.lib.storyai.prompt;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authorworks.lib.storyai.Step;

/**
 * One versioned prompt: a system part and a user part with {@code {{name}}} placeholders.
 * Rendering fails on a missing variable rather than sending a prompt with a hole in it.
 *
 * @param step the step the template is for
 * @param version the template set's version, recorded with every generation
 * @param system the system prompt
 * @param user the user prompt
 */
public record PromptTemplate(Step step, int version, String system, String user) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

	/** {@code rewrite@v1}: how provenance names the template. */
	public String id() {
		return this.step.key() + "@v" + this.version;
	}

	/** The placeholder names the template uses. */
	public Set<String> variables() {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(this.system + "\n" + this.user);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	public RenderedPrompt render(Map<String, String> values) {
		return new RenderedPrompt(fill(this.system, values), fill(this.user, values), id());
	}

	/** Fills a template text, failing on a placeholder without a value. */
	static String fill(String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalArgumentException("No value for {{" + matcher.group(1) + "}}");
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString().replaceAll("\\n{3,}", "\n\n").strip();
	}

	/**
	 * A template rendered into the prompts to send.
	 *
	 * @param system the system prompt
	 * @param user the user prompt
	 * @param templateId which template and version produced them
	 */
	public record RenderedPrompt(String system, String user, String templateId) {
	}

}
