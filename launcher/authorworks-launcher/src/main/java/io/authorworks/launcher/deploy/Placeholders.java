package io.authorworks.launcher.deploy;

import java.util.Collection;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authorworks.launcher.LauncherException;

/**
 * The {@code ${...}} placeholders registry values may use: {@code ${url:NAME}} (base URL
 * of a deployable's first replica), {@code ${urls:NAME}} (the base URLs of all its
 * replicas, comma-separated, for callers that balance across them), {@code ${port:NAME}},
 * {@code ${secret:KEY}} (from data/secrets.env) and {@code ${serviceClients}} (the
 * SERVICE_CLIENTS list).
 */
public final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)(?::([A-Za-z0-9_.-]+))?}");

	private Placeholders() {
	}

	/** Fails early, at registry load, on a placeholder kind nobody can resolve. */
	static void validate(Collection<String> values) {
		for (String value : values) {
			Matcher matcher = PLACEHOLDER.matcher(value);
			while (matcher.find()) {
				String kind = matcher.group(1);
				boolean known = switch (kind) {
					case "url", "urls", "port", "secret" -> matcher.group(2) != null;
					case "serviceClients" -> matcher.group(2) == null;
					default -> false;
				};
				if (!known) {
					throw new LauncherException("unknown placeholder " + matcher.group() + " in the registry");
				}
			}
		}
	}

	/**
	 * Replaces each placeholder with what {@code lookup} answers for
	 * {@code kind:argument} (or just {@code kind}).
	 */
	public static String resolve(String value, UnaryOperator<String> lookup) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String key = (matcher.group(2) != null) ? matcher.group(1) + ":" + matcher.group(2) : matcher.group(1);
			matcher.appendReplacement(out, Matcher.quoteReplacement(lookup.apply(key)));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
